import { setupFeatureTestEnv } from '@proficio/web/shared/util/test-env';

setupFeatureTestEnv();
