/**
 * Objects for sending polls and checklists: poll options, checklist tasks, checklists.
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import type { Uploadable } from './input-file.js';
import { setDefined, type AcceptUndefined } from './internal.js';

/** Optional fields of {@link InputPollOption}. */
export type InputPollOptionOptions = Omit<Tg.InputPollOption<Uploadable>, 'text'>;
export interface InputPollOption extends InputPollOptionOptions {}
/** One answer option of a poll to send: `new InputPollOption('Yes')`. */
export class InputPollOption implements Tg.InputPollOption<Uploadable> {
  /**
   * @param text option text, 1-100 characters
   * @param options `text_parse_mode`, `text_entities`, `media`
   */
  constructor(
    public text: string,
    options?: AcceptUndefined<InputPollOptionOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputChecklistTask}. */
export type InputChecklistTaskOptions = Omit<Tg.InputChecklistTask, 'id' | 'text'>;
export interface InputChecklistTask extends InputChecklistTaskOptions {}
/** A task of a checklist to send. */
export class InputChecklistTask implements Tg.InputChecklistTask {
  /**
   * @param id unique positive identifier of the task within the checklist
   * @param text text of the task, 1-100 characters
   * @param options `parse_mode`, `text_entities`
   */
  constructor(
    public id: number,
    public text: string,
    options?: AcceptUndefined<InputChecklistTaskOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputChecklist}. */
export type InputChecklistOptions = Omit<Tg.InputChecklist, 'title' | 'tasks'>;
export interface InputChecklist extends InputChecklistOptions {}
/** A checklist to send (`sendChecklist`). */
export class InputChecklist implements Tg.InputChecklist {
  /**
   * @param title title of the checklist, 1-255 characters
   * @param tasks 1-30 tasks
   * @param options `parse_mode`, `title_entities`, `others_can_add_tasks`, `others_can_mark_tasks_as_done`
   */
  constructor(
    public title: string,
    public tasks: Tg.InputChecklistTask[],
    options?: AcceptUndefined<InputChecklistOptions>,
  ) {
    setDefined(this, options);
  }
}
