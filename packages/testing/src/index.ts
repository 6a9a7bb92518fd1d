export { chromiumPath, launchChromium } from './chromium';
export { type DevServer, startDevServer } from './dev-server';
export { watchEdgeTraffic } from './edge-traffic';
export { type ExampleApp, startExampleApp } from './example-app';
export { freePort } from './ports';
export { realMouse } from './real-mouse';
export { type StaticServer, serveStatic } from './static-server';
export { redisServerPath, startUpstashRedis, type UpstashRedis } from './upstash-redis';
