/**
 * The 25 sample applications of the rule book (shared/rules/vectors), copied as files so that the
 * demo store opens with the cases the rules were checked on. Raw file objects: validate them with
 * `parseApplication` before use.
 */
import V01 from './V01.json' with {type: 'json'};
import V03 from './V03.json' with {type: 'json'};
import V04 from './V04.json' with {type: 'json'};
import V05 from './V05.json' with {type: 'json'};
import V06 from './V06.json' with {type: 'json'};
import V07 from './V07.json' with {type: 'json'};
import V11 from './V11.json' with {type: 'json'};
import V12 from './V12.json' with {type: 'json'};
import V13 from './V13.json' with {type: 'json'};
import V14 from './V14.json' with {type: 'json'};
import V16 from './V16.json' with {type: 'json'};
import V17 from './V17.json' with {type: 'json'};
import V18 from './V18.json' with {type: 'json'};
import V20 from './V20.json' with {type: 'json'};
import V22 from './V22.json' with {type: 'json'};
import V23 from './V23.json' with {type: 'json'};
import V25 from './V25.json' with {type: 'json'};
import V26 from './V26.json' with {type: 'json'};
import V29 from './V29.json' with {type: 'json'};
import V30 from './V30.json' with {type: 'json'};
import V31 from './V31.json' with {type: 'json'};
import V32 from './V32.json' with {type: 'json'};
import V36 from './V36.json' with {type: 'json'};
import V40 from './V40.json' with {type: 'json'};
import V41 from './V41.json' with {type: 'json'};

/** The sample application objects, in application-number order. */
export const SAMPLE_APPLICATIONS: readonly unknown[] = [V01, V03, V04, V05, V06, V07, V11, V12, V13, V14, V16, V17, V18, V20, V22, V23, V25, V26, V29, V30, V31, V32, V36, V40, V41];
