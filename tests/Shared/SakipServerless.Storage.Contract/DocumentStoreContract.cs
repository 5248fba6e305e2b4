using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Contract;

/// <summary>What every <see cref="IDocumentStore"/> adapter must guarantee; SQLite runs it now, Cosmos later.</summary>
public abstract class DocumentStoreContract
{
    protected abstract IDocumentStore Store { get; }

    private static Tenant Tenant(string id, string name = "Kabupaten Uji") => new() { Id = id, Name = name, TimeZone = "Asia/Makassar" };

    [Fact]
    public async Task Put_ThenGet_RoundTrips_AndStaysInItsTenant()
    {
        await Store.PutAsync("t1", DocumentKinds.Tenant, "t1", Tenant("t1"));

        Assert.Equal("Kabupaten Uji", (await Store.GetAsync<Tenant>("t1", DocumentKinds.Tenant, "t1"))!.Name);
        Assert.Null(await Store.GetAsync<Tenant>("t2", DocumentKinds.Tenant, "t1"));
        Assert.Null(await Store.GetAsync<Tenant>("t1", DocumentKinds.Opd, "t1"));
    }

    [Fact]
    public async Task Put_Replaces_AndTryInsert_NeverDoes()
    {
        await Store.PutAsync("t1", DocumentKinds.Tenant, "t1", Tenant("t1", "Lama"));
        await Store.PutAsync("t1", DocumentKinds.Tenant, "t1", Tenant("t1", "Baru"));

        Assert.False(await Store.TryInsertAsync("t1", DocumentKinds.Tenant, "t1", Tenant("t1", "Lain")));
        Assert.True(await Store.TryInsertAsync("t1", DocumentKinds.Tenant, "t9", Tenant("t9")));
        Assert.Equal("Baru", (await Store.GetAsync<Tenant>("t1", DocumentKinds.Tenant, "t1"))!.Name);
    }

    [Fact]
    public async Task List_ReturnsOneKindOfOneTenant_InIdOrder()
    {
        await Store.PutManyAsync(
        [
            new DocumentWrite("t1", DocumentKinds.User, "b", new AppUser { Id = "b", TenantId = "t1", Name = "B" }),
            new DocumentWrite("t1", DocumentKinds.User, "a", new AppUser { Id = "a", TenantId = "t1", Name = "A" }),
            new DocumentWrite("t2", DocumentKinds.User, "c", new AppUser { Id = "c", TenantId = "t2", Name = "C" }),
            new DocumentWrite("t1", DocumentKinds.Tenant, "t1", Tenant("t1")),
        ]);

        Assert.Equal(["a", "b"], (await Store.ListAsync<AppUser>("t1", DocumentKinds.User)).Select(u => u.Id));
        Assert.Equal(["t1"], await Store.ListTenantIdsAsync());
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatDocument()
    {
        await Store.PutAsync("t1", DocumentKinds.User, "a", new AppUser { Id = "a", TenantId = "t1", Name = "A" });
        await Store.PutAsync("t1", DocumentKinds.User, "b", new AppUser { Id = "b", TenantId = "t1", Name = "B" });

        await Store.DeleteAsync("t1", DocumentKinds.User, "a");

        Assert.Equal(["b"], (await Store.ListAsync<AppUser>("t1", DocumentKinds.User)).Select(u => u.Id));
    }
}
