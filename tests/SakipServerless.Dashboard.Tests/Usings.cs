global using System.Net.Http.Json;
global using SakipServerless.Dashboard.Tests.Support;
