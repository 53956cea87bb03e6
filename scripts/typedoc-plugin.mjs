// Local TypeDoc plugin for `npm run docs` (typedoc.json loads it). Warnings are errors in that
// build; this file holds the only two exceptions, each for a known quirk of the generated file
// src/api/generated/bot-api-methods.ts (written by scripts/generate-methods.ts):
// 1. The generator documents `@param options` on every method, also on overloads that have no
//    options parameter; such unused `@param options` tags are dropped here before TypeDoc
//    validates the tags (any other unused @param still fails the build).
// 2. One Telegram description has a bare "@username" (not in backticks), which TSDoc reads as a
//    block tag; it is declared as a known tag so that it parses.
// Once the generator is fixed, both can go.
// It also names the three entry points after their import paths (botte, botte/async, botte/testing).
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on('bootstrapEnd', () => {
    const tags = app.options.getValue('blockTags');
    if (!tags.includes('@username')) app.options.setValue('blockTags', [...tags, '@username']);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const names = { index: 'botte', async: 'botte/async', testing: 'botte/testing', 'testing/index': 'botte/testing' };
    for (const module of context.project.children ?? []) {
      if (module.name in names) module.name = names[module.name];
    }
    for (const reflection of Object.values(context.project.reflections)) {
      for (const signature of reflection.signatures ?? []) {
        const comment = signature.comment;
        if (!comment) continue;
        const names = new Set((signature.parameters ?? []).map((parameter) => parameter.name));
        comment.blockTags = comment.blockTags.filter(
          (tag) => !(tag.tag === '@param' && tag.name === 'options' && !names.has('options')),
        );
      }
    }
  });
}
