/** The seeded sample generator (cli.md `sample`): its public entry points. */
export { sampleFiles, SAMPLE_FILES, type SampleFile, type SampleFileName } from './sample-files.ts';
export { eventsCsvLines, peopleForRows, EVENTS_HEADER } from './events.ts';
export { worldOf, resolveOptions, sampleOptionsSchema, type SampleOptions, type World } from './world.ts';
export { SAMPLE_ARGS, sampleOptionsOf, type SampleArgs } from './options.ts';
