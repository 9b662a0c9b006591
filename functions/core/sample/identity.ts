/**
 * Who a sample person is: date of birth, gender, ethnicity, NHS number, primary support reason
 * and where they live. Free-text vocabularies follow CLD Release 2 wording as the golden file
 * writes it, so `validate` gives no warnings.
 */
import { dayOf, partsOf, type Day } from '../calendar/days.ts';
import type { Rng, Weighted } from './random.ts';

export interface Identity {
  id: string;
  nhsNumber: string;
  dateOfBirth: Day;
  gender: string;
  ethnicity: string;
  primarySupportReason: string;
}

const GENDERS: Weighted<string> = [
  ['Female', 56],
  ['Male', 42],
  ['Unknown', 1.5],
  ['Other', 0.5],
];

// Rotherham is about 92% White British (2021 Census).
const ETHNICITIES: Weighted<string> = [
  ['White: English, Welsh, Scottish, Northern Irish or British', 91],
  ['White: Any other White background', 2.5],
  ['Asian or Asian British: Pakistani', 3],
  ['Asian or Asian British: Any other Asian background', 0.8],
  ['Black, Black British, Caribbean or African: African', 0.8],
  ['Mixed or multiple ethnic groups: Any other Mixed background', 0.6],
  ['Other ethnic group: Any other ethnic group', 0.3],
  ['Not stated', 1],
];

const PSR_65P: Weighted<string> = [
  ['Physical support: Personal care support', 52],
  ['Physical support: Access and mobility only', 10],
  ['Support with memory and cognition', 18],
  ['Mental health support', 6],
  ['Sensory support: Support for visual impairment', 2],
  ['Sensory support: Support for hearing impairment', 2],
  ['Social support: Support to carer', 4],
  ['Social support: Support for social isolation or other', 2],
  ['Learning disability support', 4],
];

const PSR_18_64: Weighted<string> = [
  ['Learning disability support', 33],
  ['Physical support: Personal care support', 24],
  ['Physical support: Access and mobility only', 6],
  ['Mental health support', 25],
  ['Sensory support: Support for visual impairment', 2],
  ['Sensory support: Support for dual impairment', 1],
  ['Social support: Substance misuse support', 4],
  ['Support with memory and cognition', 3],
  ['Social support: Asylum seeker support', 1],
];

/** Living at home: mostly settled wordings (measures.md), a few that are not, a few blanks. */
export const HOME_ACCOMMODATION: Weighted<string | null> = [
  ['Owner occupier or shared ownership scheme', 34],
  ['Tenant - social landlord', 24],
  ['Tenant - private landlord', 7],
  ['Settled mainstream housing with family or friends', 13],
  ['Supported accommodation', 4],
  ['Sheltered housing', 4],
  ['Extra care housing', 2.5],
  ['Shared Lives scheme', 1],
  ['Supported group home', 1],
  ['Temporary accommodation', 1.5],
  ['Homeless', 0.5],
  ['Unknown', 3],
  [null, 4.5],
];

export const RESIDENTIAL_ACCOMMODATION = 'Residential care home';
export const NURSING_ACCOMMODATION = 'Nursing home';
export const PRISON_ACCOMMODATION = 'Prison';

export function personId(index: number): string {
  return `P${String(index).padStart(7, '0')}`;
}

/** A valid 10-digit NHS number (Modulus 11 check digit), or blank for about 1 in 12 people. */
export function nhsNumber(rng: Rng): string {
  if (rng.chance(0.08)) return '';
  for (;;) {
    const digits = [rng.int(4, 9)];
    for (let i = 1; i < 9; i++) digits.push(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += digits[i] * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    digits.push(check === 11 ? 0 : check);
    return digits.join('');
  }
}

/** A date of birth giving `age` whole years (plus a random part of a year) on `on`. */
export function birthDateFor(rng: Rng, on: Day, age: number): Day {
  const p = partsOf(on);
  const birthday = dayOf(p.year - age, p.month, Math.min(p.day, 28));
  return birthday - rng.int(1, 360);
}

const AGES_65P: Weighted<readonly [number, number]> = [[[65, 74], 24], [[75, 84], 40], [[85, 99], 36]];
const AGES_18_64: Weighted<readonly [number, number]> = [[[18, 29], 24], [[30, 49], 38], [[50, 64], 38]];

/** Ages of adults in contact with adult social care, in whole years. */
export function ageFor(rng: Rng, band: '18-64' | '65+'): number {
  const [lo, hi] = rng.weighted(band === '65+' ? AGES_65P : AGES_18_64);
  return rng.int(lo, hi);
}

export function identityFor(rng: Rng, index: number, dateOfBirth: Day, band: '18-64' | '65+', carer: boolean): Identity {
  return {
    id: personId(index),
    nhsNumber: nhsNumber(rng),
    dateOfBirth,
    gender: rng.weighted(GENDERS),
    ethnicity: rng.weighted(ETHNICITIES),
    // CLD records a primary support reason for service users only.
    primarySupportReason: carer ? '' : rng.weighted(band === '65+' ? PSR_65P : PSR_18_64),
  };
}
