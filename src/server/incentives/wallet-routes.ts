/** @module HTTP routes of wallets, vouchers and merchants. */
import type { RouteModule } from '../core/http/build-app.ts';

export const walletRoutes: RouteModule = () => {};
