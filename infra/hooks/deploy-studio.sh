#!/bin/sh
# azd postdeploy hook: publishes the writer's studio to its Static Web App when main.bicep made one (DEPLOY_STUDIO=true).
# Needs the Azure CLI (signed in) for the deployment token and npx for the Static Web Apps CLI.
set -eu

if [ -z "${AZURE_STATIC_WEB_APP_NAME:-}" ]; then
  echo "studio: not deployed (DEPLOY_STUDIO is not true)"
  exit 0
fi

studio=src/RecurrentGpt.Local/Studio/wwwroot
if [ ! -f "$studio/index.html" ]; then
  echo "studio: $studio/index.html not found; build the studio first" >&2
  exit 1
fi

# The token stays in the environment, out of the process list.
SWA_CLI_DEPLOYMENT_TOKEN=$(az staticwebapp secrets list --name "$AZURE_STATIC_WEB_APP_NAME" \
  --resource-group "$AZURE_RESOURCE_GROUP" --query properties.apiKey --output tsv)
export SWA_CLI_DEPLOYMENT_TOKEN
npx --yes @azure/static-web-apps-cli@2.0.10 deploy "$studio" --env production
echo "studio: ${STUDIO_URL:-published}"
