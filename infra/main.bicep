// SakipServerless in Azure (see infra/README.md): the backend as an Azure Functions app (.NET isolated worker, Durable
// Task orchestrations of SOP runs), Cosmos DB (serverless), a Storage account (Functions host storage, the Durable
// task hub and evidence files), the dashboard App Service,
// Application Insights, and role assignments for the apps' managed identities instead of keys.
//
// Names and settings here are the ones the code reads; tests/SakipServerless.Api.Tests/Deployment/InfraTests.cs
// cross-checks them (app settings against SakipOptions and host.json, Cosmos containers against cosmos-containers.json,
// the health route against the app's).
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Short lower-case prefix of every resource name.')
@minLength(3)
@maxLength(11)
param prefix string = 'sakip'

@description('Suffix that makes the globally unique names unique; the default is stable for a resource group.')
@maxLength(8)
param suffix string = take(uniqueString(resourceGroup().id), 6)

@description('Function App (the backend); it answers on https://<name>.azurewebsites.net/api.')
param functionAppName string = '${prefix}-api-${suffix}'

@description('App Service of the dashboard.')
param dashboardAppName string = '${prefix}-dash-${suffix}'

@description('Linux App Service plan shared by the Function App and the dashboard.')
param planName string = '${prefix}-plan-${suffix}'

@description('Plan size. A dedicated plan keeps the backend warm (Always On), so the sweep ticks every minute, and needs no storage-key content share.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string = 'B1'

@description('Storage account: Functions host storage and the evidence container (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string = toLower('${prefix}st${suffix}')

@description('Cosmos DB account (serverless).')
param cosmosAccountName string = '${prefix}-cosmos-${suffix}'

@description('Application Insights component.')
param appInsightsName string = '${prefix}-ai-${suffix}'

@description('Log Analytics workspace behind Application Insights.')
param logAnalyticsName string = '${prefix}-logs-${suffix}'

@description('Storage the backend uses (Sakip:Storage:Provider): cosmos (the Cosmos DB account below, with the app\'s managed identity), or sqlite (one instance, the file on the app\'s /home share) for a trial without Cosmos DB.')
@allowed([
  'sqlite'
  'cosmos'
])
param storageProvider string = 'cosmos'

@description('Entra ID application (client) id used by App Service Authentication on both apps. Empty leaves platform authentication off: the API then answers 401 to everything but /api/health.')
param entraClientId string = ''

@description('Client secret of that application, for the dashboard\'s sign-in (authorization code flow). Only used when entraClientId is set.')
@secure()
param entraClientSecret string = ''

@description('Pemda (tenant id, e.g. jeneponto) of a single-pemda deployment: the tenant of every signed-in user whose token carries no sakip_tenant claim (Sakip:Identity:TenantId).')
param pemdaId string = ''

@description('Optional webhook that receives every notification as JSON (Sakip:Notifications:WebhookUrl); empty turns the channel off.')
param webhookUrl string = ''

@description('Optional HMAC secret for the webhook signature (Sakip:Notifications:WebhookSecret).')
@secure()
param webhookSecret string = ''

var cosmosModel = loadJsonContent('cosmos-containers.json')
var authenticationEnabled = !empty(entraClientId)
var evidenceContainerName = 'evidence'
// The app's health route (Api/Health): probes and the platform health check use it unsigned.
var healthPath = '/api/health'
var openIdIssuer = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra token (Monitoring Metrics Publisher below), not with the key alone.
    DisableLocalAuth: true
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Storage: Functions host storage (timer schedule monitor, locks, keys), the Durable task hub (its queues, tables
// and blobs) and the evidence files
// ---------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // No account keys at all: the host and the evidence adapter authenticate with the Function App's identity.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource evidence 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: evidenceContainerName
  properties: {
    publicAccess: 'None'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cosmos DB (serverless): database and containers from cosmos-containers.json, the adapter's data model
// ---------------------------------------------------------------------------------------------------------------

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2023-04-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Data-plane access only through Entra identities (the data contributor assignment below), never keys.
    disableLocalAuth: true
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2023-04-15' = {
  parent: cosmos
  name: cosmosModel.database
  properties: {
    resource: {
      id: cosmosModel.database
    }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2023-04-15' = [for container in cosmosModel.containers: {
  parent: cosmosDatabase
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKeyPath
        ]
        kind: 'Hash'
      }
    }
  }
}]

// ---------------------------------------------------------------------------------------------------------------
// The backend: Function App running the .NET isolated worker (scripts/publish.sh builds its package)
// ---------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

// Every setting the backend reads (SakipOptions, appsettings.json), set explicitly so an operator sees and changes
// them in one place; the InfraTests cross-check keeps this list complete and free of unknown Sakip__ names.
var functionAppSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'dotnet-isolated'
  }
  {
    // Identity-based host storage: the account name instead of a connection string with a key.
    name: 'AzureWebJobsStorage__accountName'
    value: storage.name
  }
  {
    // host.json's durableTask.hubName (%DurableTaskHubName%); the hub lives on AzureWebJobsStorage, reached with the
    // app's identity (queue, table and blob roles below). One hub per app: two apps never share orchestrations.
    name: 'DurableTaskHubName'
    value: '${prefix}runs'
  }
  {
    // Zip deploy mounts the package read-only; data lives outside it (SqlitePath below).
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD'
  }
  {
    // Production refuses to start with any Sakip:Development switch on.
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'Logging__LogLevel__Default'
    value: 'Information'
  }
  {
    name: 'Sakip__Storage__Provider'
    value: storageProvider
  }
  {
    // Only for the sqlite provider; unused with cosmos.
    name: 'Sakip__Storage__SqlitePath'
    value: '/home/data/sakip/sakip.db'
  }
  {
    name: 'Sakip__Storage__Cosmos__Endpoint'
    value: cosmos.properties.documentEndpoint
  }
  {
    // No key: local authentication is off on the account (disableLocalAuth); the managed identity signs instead.
    name: 'Sakip__Storage__Cosmos__Key'
    value: ''
  }
  {
    name: 'Sakip__Storage__Cosmos__ConnectionString'
    value: ''
  }
  {
    name: 'Sakip__Storage__Cosmos__Database'
    value: cosmosModel.database
  }
  {
    // Infra creates the database and containers (cosmos-containers.json); the app refuses to in Production.
    name: 'Sakip__Storage__Cosmos__CreateIfMissing'
    value: 'false'
  }
  {
    name: 'Sakip__Storage__Cosmos__AcceptEmulatorCertificate'
    value: 'false'
  }
  {
    name: 'Sakip__Storage__Cosmos__GatewayMode'
    value: 'false'
  }
  {
    name: 'Sakip__Storage__Cosmos__UseTransactionalBatch'
    value: 'true'
  }
  {
    name: 'Sakip__Storage__Cosmos__MaxThrottleRetries'
    value: '5'
  }
  {
    // The DeadlineSweep timer function sweeps every minute, on one instance however far the app scales out.
    name: 'Sakip__Sweep__Enabled'
    value: 'false'
  }
  {
    name: 'Sakip__Sweep__IntervalSeconds'
    value: '30'
  }
  {
    name: 'Sakip__Sweep__BatchSize'
    value: '500'
  }
  {
    // Scheduled run starts (a template's "setiap tanggal 10 awal Triwulan"): the ScheduledStarts timer function calls
    // ScheduledRunStarter in Azure, with the durable client its start needs; the in-process timer stays off.
    name: 'Sakip__Schedule__Enabled'
    value: 'false'
  }
  {
    name: 'Sakip__Schedule__IntervalSeconds'
    value: '60'
  }
  {
    // Azure mode: each SOP run is a Durable orchestration (SopRunOrchestrator), its timers the mutu baku's deadlines.
    name: 'Sakip__Engine__Mode'
    value: 'durable'
  }
  {
    name: 'Sakip__Engine__CommandWaitMilliseconds'
    value: '5000'
  }
  {
    // Local durable mode only (the local host's own sidecar); the Functions host is the task hub's client here.
    name: 'Sakip__Engine__Sidecar__StorageConnectionString'
    value: ''
  }
  {
    name: 'Sakip__Engine__Sidecar__TaskHubName'
    value: 'sakiplocal'
  }
  {
    name: 'Sakip__Escalation__Level2GraceWorkingDays'
    value: '1'
  }
  {
    name: 'Sakip__Escalation__Level2GraceWorkingMinutes'
    value: '0'
  }
  {
    // Between timer ticks too, while the instance is up (Always On); the timer also dispatches after each sweep.
    name: 'Sakip__Notifications__DispatchEnabled'
    value: 'true'
  }
  {
    name: 'Sakip__Notifications__DispatchIntervalSeconds'
    value: '5'
  }
  {
    name: 'Sakip__Notifications__BatchSize'
    value: '100'
  }
  {
    name: 'Sakip__Notifications__WebhookUrl'
    value: webhookUrl
  }
  {
    name: 'Sakip__Notifications__WebhookSecret'
    value: webhookSecret
  }
  {
    name: 'Sakip__Notifications__WebhookMaxAttempts'
    value: '8'
  }
  {
    name: 'Sakip__Notifications__WebhookBaseDelaySeconds'
    value: '30'
  }
  {
    name: 'Sakip__Notifications__WebhookMaxDelaySeconds'
    value: '3600'
  }
  {
    name: 'Sakip__Notifications__WebhookTimeoutSeconds'
    value: '10'
  }
  {
    name: 'Sakip__Development__EnableDevSignIn'
    value: 'false'
  }
  {
    name: 'Sakip__Development__EnableClockOffset'
    value: 'false'
  }
  {
    name: 'Sakip__Development__SeedDemoData'
    value: 'false'
  }
  {
    // Behind App Service Authentication the app trusts X-MS-CLIENT-PRINCIPAL; without it, the header is refused.
    name: 'Sakip__Identity__Mode'
    value: authenticationEnabled ? 'appservice' : 'dev'
  }
  {
    // The Entra object id: stable, and a valid user-record id (an admin creates each user with it).
    name: 'Sakip__Identity__UserIdClaim'
    value: 'http://schemas.microsoft.com/identity/claims/objectidentifier'
  }
  {
    name: 'Sakip__Identity__TenantIdClaim'
    value: 'sakip_tenant'
  }
  {
    name: 'Sakip__Identity__TenantId'
    value: pemdaId
  }
  {
    name: 'Sakip__RateLimits__Enabled'
    value: 'true'
  }
  {
    name: 'Sakip__RateLimits__SignInPermitLimit'
    value: '10'
  }
  {
    name: 'Sakip__RateLimits__SignInWindowSeconds'
    value: '60'
  }
  {
    name: 'Sakip__RateLimits__SignInPerAddressPermitLimit'
    value: '300'
  }
  {
    // Production sign-in is the platform's; the dashboard's address goes here only when it calls the API through a
    // known private address (then its X-Forwarded-For is believed for the per-address limits).
    name: 'Sakip__RateLimits__TrustedProxies'
    value: ''
  }
  {
    name: 'Sakip__RateLimits__UploadPermitLimit'
    value: '120'
  }
  {
    name: 'Sakip__RateLimits__UploadWindowSeconds'
    value: '60'
  }
  {
    // Evidence goes to the private evidence container through the Blob adapter, with the app's managed identity.
    name: 'Sakip__Files__Provider'
    value: 'blob'
  }
  {
    // Only for the filesystem provider; unused with blob.
    name: 'Sakip__Files__Root'
    value: ''
  }
  {
    // No connection string: no account key exists (allowSharedKeyAccess is off); the identity signs instead.
    name: 'Sakip__Files__BlobConnectionString'
    value: ''
  }
  {
    name: 'Sakip__Files__BlobServiceUri'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'Sakip__Files__BlobContainer'
    value: evidenceContainerName
  }
  {
    name: 'Sakip__Files__MaxFileBytes'
    value: '26214400'
  }
  {
    name: 'Sakip__Files__MaxChunkBytes'
    value: '8388608'
  }
  {
    name: 'Sakip__Files__AllowZip'
    value: 'false'
  }
  {
    name: 'Sakip__Files__MaxUncompressedBytes'
    value: '268435456'
  }
  {
    name: 'Sakip__Files__MaxCompressionRatio'
    value: '200'
  }
  {
    name: 'Sakip__Files__MaxArchiveEntries'
    value: '10000'
  }
  {
    name: 'Sakip__Files__MaxFilesPerRun'
    value: '500'
  }
  {
    name: 'Sakip__Files__UploadSessionHours'
    value: '24'
  }
  {
    name: 'Sakip__Files__JanitorEnabled'
    value: 'true'
  }
  {
    name: 'Sakip__Files__JanitorIntervalMinutes'
    value: '60'
  }
  {
    name: 'Sakip__MaxJsonBodyBytes'
    value: '1048576'
  }
]

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      // The .NET isolated worker: the host starts SakipServerless.Functions.dll (worker.config.json) on this stack.
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: healthPath
      appSettings: functionAppSettings
    }
  }
}

// App Service Authentication (Easy Auth) in front of the API: it validates the Entra token and passes the signed-in
// user to the app in X-MS-CLIENT-PRINCIPAL; the app maps that user to its own roles and scopes (issue 5).
resource functionAuth 'Microsoft.Web/sites/config@2023-12-01' = if (authenticationEnabled) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      // An API answers 401; only the dashboard redirects people to a sign-in page.
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        healthPath
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: openIdIssuer
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
            entraClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard (Blazor, static SSR): calls the API with the signed-in user's token
// ---------------------------------------------------------------------------------------------------------------

var dashboardSettings = concat([
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD'
  }
  {
    name: 'Dashboard__ApiBaseUrl'
    value: 'https://${functionApp.properties.defaultHostName}/'
  }
  {
    name: 'Dashboard__EnableDevSignIn'
    value: 'false'
  }
  {
    // Behind App Service Authentication the dashboard signs people in from the platform's token store.
    name: 'Dashboard__PlatformIdentity'
    value: authenticationEnabled ? 'true' : 'false'
  }
], authenticationEnabled ? [
  {
    name: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
    value: entraClientSecret
  }
] : [])

resource dashboard 'Microsoft.Web/sites@2023-12-01' = {
  name: dashboardAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: dashboardSettings
    }
  }
}

resource dashboardAuth 'Microsoft.Web/sites/config@2023-12-01' = if (authenticationEnabled) {
  parent: dashboard
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
          openIdIssuer: openIdIssuer
        }
        login: {
          // The access token the dashboard forwards to the API is issued for the API's audience.
          loginParameters: [
            'scope=openid profile email offline_access api://${entraClientId}/user_impersonation'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Role assignments: the Function App's identity reaches data through Entra roles, never keys
// ---------------------------------------------------------------------------------------------------------------

// Identity-based AzureWebJobsStorage: the Functions host needs Storage Blob Data Owner on its storage account.
resource hostStorageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The Durable task hub (Azure Storage provider) keeps its work in queues and its history and instances in tables.
resource taskHubQueueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource taskHubTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The evidence grant stated on its own container, so it stays right when host storage moves to an account of its own.
resource evidenceRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(evidence.id, functionApp.id, roles.storageBlobDataContributor)
  scope: evidence
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Cosmos DB Built-in Data Contributor: a data-plane role, assigned on the account, not an Azure RBAC role.
resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2023-04-15' = {
  parent: cosmos
  name: guid(cosmos.id, functionApp.id, roles.cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    principalId: functionApp.identity.principalId
    scope: cosmos.id
  }
}

resource functionTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, functionApp.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource dashboardTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, dashboard.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: dashboard.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------------------------

output functionAppName string = functionApp.name
output apiUrl string = 'https://${functionApp.properties.defaultHostName}/api'
output healthUrl string = 'https://${functionApp.properties.defaultHostName}${healthPath}'
output dashboardAppName string = dashboard.name
output dashboardUrl string = 'https://${dashboard.properties.defaultHostName}'
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosDatabase string = cosmosModel.database
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output evidenceContainerUrl string = '${storage.properties.primaryEndpoints.blob}${evidenceContainerName}'
output functionAppPrincipalId string = functionApp.identity.principalId
