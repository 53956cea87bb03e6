/**
 * Checklists (Bot API 9.1) as the emulator stores them: the Checklist a chat shows, made from the
 * InputChecklist a bot sent with sendChecklist or editMessageChecklist.
 * @module
 */

/** A Checklist as Telegram shows it, from the InputChecklist the bot sent (parse_mode is applied by Telegram, not kept). */
export function checklistOf(input: unknown): Record<string, unknown> {
  const c = (input ?? {}) as Record<string, unknown>;
  const tasks = Array.isArray(c.tasks) ? (c.tasks as Array<Record<string, unknown>>) : [];
  return {
    title: String(c.title ?? ''),
    ...(Array.isArray(c.title_entities) ? { title_entities: c.title_entities } : {}),
    tasks: tasks.map((t) => ({
      id: Number(t.id),
      text: String(t.text ?? ''),
      ...(Array.isArray(t.text_entities) ? { text_entities: t.text_entities } : {}),
    })),
    ...(c.others_can_add_tasks === true ? { others_can_add_tasks: true } : {}),
    ...(c.others_can_mark_tasks_as_done === true ? { others_can_mark_tasks_as_done: true } : {}),
  };
}
