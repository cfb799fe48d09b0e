namespace PeerRooms.Server.Hosting;

/// <summary>Wraps an already registered service (e.g. to meter it) without editing the feature that registered it.</summary>
public static class ServiceDecoration
{
    /// <summary>Replaces the last registration of <typeparamref name="TService"/> with <paramref name="decorate"/> around it; no-op when none.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService) { index = i; break; }
        }
        if (index < 0) return services;
        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), sp => decorate(Create<TService>(original, sp), sp), original.Lifetime);
        return services;
    }

    private static TService Create<TService>(ServiceDescriptor d, IServiceProvider sp) where TService : class
        => (TService)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
