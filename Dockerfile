# Multi-stage build of Proficio: one image serving the API and the web app.
FROM node:20-bookworm-slim AS build
WORKDIR /workspace
ENV CI=true NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false NX_TUI=false
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app/dist/apps/api
# The api build writes a package.json of exactly what the bundle requires.
COPY --from=build /workspace/dist/apps/api ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/web /app/dist/apps/web
USER node
EXPOSE 3000
CMD ["node", "main.js"]
