import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.ts';
import { getLatestSnapshot } from '../../app/portfolio/get-latest-snapshot.ts';
import { getSnapshots } from '../../app/portfolio/get-snapshots.ts';
import { loadActiveStrategy } from '../../app/strategy/active-strategy.ts';
import { loadProductTerms } from '../../app/product/load-product-terms.ts';
import { checkProductCost } from '../../domain/product/check-product-cost.ts';
import { CivilDateString, MinorAmount } from './schemas.ts';

const SnapshotDay = Type.Object({
  asOf: CivilDateString,
  buckets: Type.Array(Type.Object({
    currency: Type.String(), bucket: Type.String(), accounts: Type.Integer(),
    overdueMinor: MinorAmount, outstandingMinor: MinorAmount,
  })),
  rollRates: Type.Array(Type.Object({
    fromBucket: Type.String(), toBucket: Type.String(), accounts: Type.Integer(),
    base: Type.Integer(), rate: Type.Number(),
  })),
});

export function portfolioRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/snapshots', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['portfolio'], summary: 'Daily portfolio snapshots: buckets per currency and roll rates',
        querystring: Type.Object({
          from: Type.Optional(CivilDateString), to: Type.Optional(CivilDateString),
        }),
        response: { 200: Type.Object({ snapshots: Type.Array(SnapshotDay) }) },
      },
    }, async (request) => {
      const { strategy } = await loadActiveStrategy(db);
      const bucketOrder = strategy.buckets.map((bucket) => bucket.name);
      return { snapshots: await getSnapshots(db, { ...request.query, bucketOrder }) };
    });

    app.get('/api/v1/delinquency', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['portfolio'], summary: 'The aging table of the latest cycle: accounts and amounts per bucket',
        response: {
          200: Type.Object({
            asOf: Type.Union([CivilDateString, Type.Null()]),
            snapshot: Type.Union([SnapshotDay, Type.Null()]),
          }),
        },
      },
    }, async () => getLatestSnapshot(db));

    app.get('/api/v1/products', {
      config: { permission: 'portfolio:read' },
      schema: {
        tags: ['portfolio'], summary: 'Products with their terms and the all-in cost check (CN-RATE-03)',
        response: { 200: Type.Object({ products: Type.Array(Type.Object({
          id: Type.String(), currency: Type.String(), jurisdiction: Type.String(),
          interestRateBp: Type.Integer(), penaltyRatePpmPerDay: Type.Integer(), penaltyBasis: Type.String(),
          graceDays: Type.Integer(),
          lateFeeMinor: MinorAmount, allocationMode: Type.String(), componentOrder: Type.Array(Type.String()),
          costCheck: Type.Object({
            annualisedCostBp: Type.Integer(), costCapBp: Type.Integer(), exceedsCap: Type.Boolean(),
            reason: Type.String(), citation: Type.String(),
          }),
        })) }) },
      },
    }, async () => {
      const products = [...(await loadProductTerms(db)).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      return { products: products.map((terms) => ({ ...terms, lateFeeMinor: String(terms.lateFeeMinor),
        componentOrder: [...terms.componentOrder], costCheck: checkProductCost(terms) })) };
    });
  };
}
