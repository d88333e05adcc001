# The Patchwork API as a container: built with the .NET SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t patchwork-api .
#   docker run -p 8080:8080 -e Auth__Authority=https://login.example.org/realms/patchwork patchwork-api
# Commands run the same way: docker run --rm patchwork-api seed --size small / move --from sqlite --to neo4j.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The build settings first; then the sources (every project and the Cypher files the Neo4j adapter embeds).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY cypher/ cypher/
RUN dotnet publish src/Patchwork.Api/Patchwork.Api.csproj --configuration Release --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The embedded store's default file lives under /app/data; give that directory, and only it, to the app user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The image has no curl: bash's /dev/tcp asks /health/ready (the store answers) and looks for a 200.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Patchwork.Api.dll"]
