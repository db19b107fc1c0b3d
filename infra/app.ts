import { App } from 'aws-cdk-lib';
import { defineDeployment } from './deployment';

// `npx cdk synth|deploy [-c stage=prod -c account=… -c region=… -c throttleRateLimit=…]`; the
// context keys are in infra/settings.ts. Bundles with the local esbuild: no Docker, no network.
defineDeployment(new App());
