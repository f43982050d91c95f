-- Issue 17: a stock policy may take its reorder point from the demand of the last N weeks (docs/purchasing.md:
-- ceil(demand x lead time days / (7 x N)) + safety stock, never below the reorder point given).
ALTER TABLE stock_policy ADD COLUMN demand_weeks integer CHECK (demand_weeks BETWEEN 1 AND 52);
