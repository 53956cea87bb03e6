/**
 * Payment objects users build: price portions and shipping options.
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';

/** A portion of the price: `new LabeledPrice('Tax', 145)` is US$ 1.45. */
export class LabeledPrice implements Tg.LabeledPrice {
  /**
   * @param label portion label
   * @param amount price in the smallest units of the currency (integer)
   */
  constructor(
    public label: string,
    public amount: number,
  ) {}
}

/** A shipping option offered in answer to a shipping query. */
export class ShippingOption implements Tg.ShippingOption {
  /** List of price portions. */
  prices: Tg.LabeledPrice[];

  /**
   * @param id shipping option identifier
   * @param title option title
   * @param prices price portions (more can be added with {@link ShippingOption.addPrice})
   */
  constructor(
    public id: string,
    public title: string,
    prices: Tg.LabeledPrice[] = [],
  ) {
    this.prices = prices;
  }

  /** Appends price portions; returns `this` for chaining. */
  addPrice(...prices: Tg.LabeledPrice[]): this {
    this.prices.push(...prices);
    return this;
  }
}
