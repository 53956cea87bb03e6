/**
 * The `customFilters` namespace: the two base classes and the built-in filters.
 * ```ts
 * bot.addCustomFilter(new customFilters.TextMatchFilter());
 * bot.handleMsg({ text: new customFilters.TextFilter({ contains: ['hi'], ignoreCase: true }) }, handler);
 * ```
 * @module
 */
export { SimpleCustomFilter, AdvancedCustomFilter } from './base.js';
export type { CustomFilter } from './base.js';
export { TextFilter, TextMatchFilter, TextContainsFilter, TextStartsFilter } from './text.js';
export type { TextFilterOptions } from './text.js';
export { ChatFilter, ForwardFilter, IsReplyFilter, LanguageFilter, IsDigitFilter, IsAdminFilter } from './builtins.js';
export type { ChatMemberSource } from './builtins.js';
export { StateFilter } from './state-filter.js';
export type { StateFilterItem, StateFilterValue, StateSource } from './state-filter.js';
export { textOf, chatOf, messageOf, userOf } from '../../types/update-parts.js';
