/**
 * The reference: DuckDB reads the same CSV and computes a documented subset of the measures:
 *  - ASSESS_LT numerator per month: service-user long term assessments completed in the month,
 *    age 18+ at the end date (no duplicate removal);
 *  - LTS_CLIENTS per month end: distinct people 18+ with long term support active on the month end;
 *  - CARER_ASSESS per month: carer assessments completed in the month, carer 18+.
 * It is a yardstick for reading and grouping speed, not a second implementation of measures.md.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function run([eventsPath]: string[]): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`
    create table ev as select * from read_csv('${eventsPath.replace(/'/g, "''")}', header = true, all_varchar = true,
      normalize_names = true)`);
  await db.run(`
    create table e as select
      la_person_unique_identifier as person, client_type, event_type, assessment_type, service_type,
      cast(date_of_birth as date) as dob, cast(event_start_date as date) as s,
      cast(nullif(event_end_date, '') as date) as e
    from ev`);
  const age = (d: string) => `floor(datediff('day', dob, ${d}) / 365.25)`;
  const assess = await db.runAndReadAll(`
    select strftime(e, '%Y-%m') as m, count(*) from e
    where event_type = 'Assessment' and client_type = 'Service user' and assessment_type = 'Long term assessment'
      and ${age('e')} >= 18 group by 1`);
  const lts = await db.runAndReadAll(`
    with months as (select distinct last_day(e) as me from e where e is not null)
    select me, count(distinct person) from months join e on e.s <= me and (e.e is null or e.e >= me)
    where event_type = 'Service' and client_type = 'Service user' and service_type like 'Long term support:%'
      and ${age('me')} >= 18 group by 1`);
  const carers = await db.runAndReadAll(`
    select strftime(e, '%Y-%m') as m, count(*) from e
    where event_type = 'Assessment' and client_type like 'Unpaid carer%' and ${age('e')} >= 18 group by 1`);
  const rows = (await db.runAndReadAll('select count(*) from ev')).getRows()[0][0];
  return { rows: Number(rows), groups: assess.getRows().length + lts.getRows().length + carers.getRows().length };
}
