/** The seeded sample generator (cli.md `sample`): its public entry points. */
export { writeSample, SAMPLE_FILES } from './write-sample.ts';
export { eventsCsvLines, peopleForRows, EVENTS_HEADER } from './events.ts';
export { worldOf, resolveOptions, sampleOptionsSchema, type SampleOptions, type World } from './world.ts';
