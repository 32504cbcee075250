using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>An in-memory <see cref="IDistributedCache"/> that fails like an unreachable one while <see cref="Down"/>, or never answers while <see cref="Hanging"/>.</summary>
internal sealed class SwitchableCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    public volatile bool Down;

    public volatile bool Hanging;

    public byte[]? Get(string key) => throw new NotSupportedException("the de-duplicator is async");

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) => await (await UpAsync(token)).GetAsync(key, token);

    public void Refresh(string key) => throw new NotSupportedException("the de-duplicator is async");

    public async Task RefreshAsync(string key, CancellationToken token = default) => await (await UpAsync(token)).RefreshAsync(key, token);

    public void Remove(string key) => throw new NotSupportedException("the de-duplicator is async");

    public async Task RemoveAsync(string key, CancellationToken token = default) => await (await UpAsync(token)).RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("the de-duplicator is async");

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        await (await UpAsync(token)).SetAsync(key, value, options, token);

    private async Task<MemoryDistributedCache> UpAsync(CancellationToken token)
    {
        if (Hanging)
        {
            await Task.Delay(Timeout.Infinite, token); // until the caller gives up
        }

        return Down ? throw new IOException("cache unreachable") : _inner;
    }
}
