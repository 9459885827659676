# syntax=docker/dockerfile:1
# One image for the api, the worker and the cli: `node dist/apps/<app>/src/main.js`.
# test/production/image-build.int-spec.ts copies exactly the files the COPY lines below name into a
# temporary folder, runs this file's RUN steps there and starts the api and the worker from the
# result: keep every step a COPY, RUN, ENV or WORKDIR line it can read.
ARG NODE_VERSION=24

# ---- build: dependencies with their native parts, the TypeScript build, then only what runs ----
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
# better-sqlite3 compiles from source against this image's Node headers when no prebuilt binary fits.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
RUN npm run build
# The console (apps/console): static files from Vite into dist/console, which the API serves at `/`;
# React, Ant Design and Vite are dev dependencies, bundled here and pruned below.
RUN npm run build:console
# TypeScript survives the prune only as @nestjs/swagger's optional peer (for its compiler plugin,
# which nothing runs in the image): 23 MB that the runtime never loads.
RUN npm prune --omit=dev && rm -rf node_modules/typescript

# ---- runtime: slim Node, no compilers, no dev dependencies, a non-root user ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
# The data folder holds the embedded store, the key store and the signing key: its owner only.
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
