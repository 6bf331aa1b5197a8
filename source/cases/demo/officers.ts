/**
 * The demo's invented officers, in several offices, with the roles of DESIGN.md "Identity and
 * roles"; the user who runs `caips demo` is added beside them as an officer and supervisor.
 */
import type {OfficerRole} from '../../../db/index.js';

/** One demo officer. */
export type DemoOfficer = {userName: string; displayName: string; roles: readonly OfficerRole[]; office: string};

/** Offices of the demo, with how many of the received cases each handles (weights). */
export const OFFICES: readonly (readonly [string, number])[] = [
	['Ottawa CPC', 30],
	['Sydney CPC', 25],
	['Edmonton CPC', 20],
	['Vancouver', 15],
	['Montréal', 10],
];

/** The invented officers (the sample case E000000117 has a note by `aokafor`). */
export const DEMO_OFFICERS: readonly DemoOfficer[] = [
	{userName: 'sbouchard', displayName: 'Sylvie Bouchard', roles: ['admin', 'officer'], office: 'Ottawa CPC'},
	{userName: 'aokafor', displayName: 'Adaeze Okafor', roles: ['officer'], office: 'Ottawa CPC'},
	{userName: 'mtremblay', displayName: 'Marie-Ève Tremblay', roles: ['officer', 'supervisor'], office: 'Montréal'},
	{userName: 'jsingh', displayName: 'Jaspreet Singh', roles: ['officer'], office: 'Edmonton CPC'},
	{userName: 'ahassan', displayName: 'Amira Hassan', roles: ['officer', 'supervisor'], office: 'Edmonton CPC'},
	{userName: 'lnguyen', displayName: 'Linh Nguyễn', roles: ['officer'], office: 'Vancouver'},
	{userName: 'rmacdonald', displayName: 'Ruth MacDonald', roles: ['officer', 'supervisor'], office: 'Sydney CPC'},
	{userName: 'pcote', displayName: 'Pierre Côté', roles: ['officer'], office: 'Sydney CPC'},
	{userName: 'dchen', displayName: 'David Chen', roles: ['auditor'], office: 'Ottawa CPC'},
];

/** Where the user who runs the demo works. */
export const YOUR_OFFICE = 'Ottawa CPC';

/** The roles the user who runs the demo gets. */
export const YOUR_ROLES: readonly OfficerRole[] = ['officer', 'supervisor'];
