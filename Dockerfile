# PeerRooms server image: web app bundle (Node) -> publish (.NET SDK) -> runtime (ASP.NET).
# Build:  docker build -t peerrooms .
# Run one embedded node:  docker run -p 8080:8080 -e PeerRooms__Auth__SigningKey=... peerrooms
# Several nodes with Redis, PostgreSQL and nginx: docker-compose.yml.

# --- 1. The web app (clients/js/app) bundled into static files ------------------------------------
FROM node:20-bookworm-slim AS webapp
WORKDIR /src/clients/js
COPY clients/js/package.json clients/js/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY clients/js/ ./
RUN node tools/build-webapp.mjs --out /webapp/dist

# --- 2. Restore (cached while project files do not change), then publish --------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/PeerRooms.Core/PeerRooms.Core.csproj src/PeerRooms.Core/
COPY src/PeerRooms.Server/PeerRooms.Server.csproj src/PeerRooms.Server/WebApp.targets src/PeerRooms.Server/
RUN dotnet restore src/PeerRooms.Server/PeerRooms.Server.csproj
COPY src/PeerRooms.Core/ src/PeerRooms.Core/
COPY src/PeerRooms.Server/ src/PeerRooms.Server/
COPY --from=webapp /webapp/dist src/PeerRooms.Server/wwwroot/dist
# The bundle is already built above, so MSBuild must not look for Node.
RUN dotnet publish src/PeerRooms.Server/PeerRooms.Server.csproj -c Release -o /app --no-restore -p:PeerRoomsSkipWebApp=true

# --- 3. Runtime ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Non-root (the image's "app" user); SQLite and the data directory live in a volume when used.
RUN mkdir -p /var/lib/peerrooms && chown app /var/lib/peerrooms
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    PeerRooms__DataDirectory=/var/lib/peerrooms \
    DOTNET_gcServer=0
EXPOSE 8080
VOLUME /var/lib/peerrooms
# Ready = every configured dependency answers (see docs/operations.md). bash's /dev/tcp: the image has no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "PeerRooms.Server.dll"]
