/** The ASCOF measures computed by DHSC's published method (METHOD.md), in ASCOF code order, then DHSC's CLD waiting times. */
import { ASCOF_2A } from './ascof-2a.ts';
import { ASCOF_2B, ASCOF_2C } from './ascof-2bc.ts';
import { ASCOF_2E, ASCOF_2E_65, ASCOF_2E_LD } from './ascof-2e.ts';
import { ASCOF_3D1A, ASCOF_3D1B, ASCOF_3D2A, ASCOF_3D2B } from './ascof-3d.ts';
import { CLD_WAIT_RESPONSE_25_64, CLD_WAIT_RESPONSE_65, CLD_WAIT_SERVICE_25_64, CLD_WAIT_SERVICE_65 } from './cld-wait.ts';
import type { MeasureDefinition } from '../types.ts';

export const ASCOF_MEASURES: readonly MeasureDefinition[] = [
  ASCOF_2A,
  ASCOF_2B,
  ASCOF_2C,
  ASCOF_2E,
  ASCOF_2E_65,
  ASCOF_2E_LD,
  ASCOF_3D1A,
  ASCOF_3D1B,
  ASCOF_3D2A,
  ASCOF_3D2B,
  CLD_WAIT_RESPONSE_25_64,
  CLD_WAIT_RESPONSE_65,
  CLD_WAIT_SERVICE_25_64,
  CLD_WAIT_SERVICE_65,
];
