/**
 * NOC 2021 unit groups the demo's applicants work in (code, title, and a word for the kind of
 * employer), and invented employers' names in Canada. The second digit of a code is its TEER
 * category; TEER 4 and 5 are not skilled for Express Entry. `trade` marks the FST trades
 * (source/rules/noc.ts, fstTradeGroup).
 */

/** One NOC 2021 unit group. */
export type Occupation = {noc: string; title: string; sector: string; weight: number; trade?: boolean};

/** Skilled occupations (TEER 0–3) outside the trades, weighted as in a typical pool. */
export const SKILLED: readonly Occupation[] = [
	{noc: '21231', title: 'Software engineers and designers', sector: 'Software', weight: 8},
	{noc: '21232', title: 'Software developers and programmers', sector: 'Technologies', weight: 8},
	{noc: '21211', title: 'Data scientists', sector: 'Analytics', weight: 3},
	{noc: '21222', title: 'Information systems specialists', sector: 'IT Services', weight: 4},
	{noc: '21223', title: 'Database analysts and data administrators', sector: 'Data Systems', weight: 2},
	{noc: '21300', title: 'Civil engineers', sector: 'Engineering', weight: 2},
	{noc: '21301', title: 'Mechanical engineers', sector: 'Engineering', weight: 2},
	{noc: '21310', title: 'Electrical and electronics engineers', sector: 'Power Systems', weight: 2},
	{noc: '11100', title: 'Financial auditors and accountants', sector: 'Accounting', weight: 4},
	{noc: '11101', title: 'Financial and investment analysts', sector: 'Capital', weight: 2},
	{noc: '11200', title: 'Human resources professionals', sector: 'Consulting', weight: 2},
	{noc: '11202', title: 'Professional occupations in advertising, marketing and public relations', sector: 'Marketing', weight: 2},
	{noc: '31301', title: 'Registered nurses and registered psychiatric nurses', sector: 'Hospital', weight: 4},
	{noc: '31120', title: 'Pharmacists', sector: 'Pharmacy', weight: 1},
	{noc: '31102', title: 'General practitioners and family physicians', sector: 'Medical Clinic', weight: 1},
	{noc: '41200', title: 'University professors and lecturers', sector: 'University', weight: 1},
	{noc: '41220', title: 'Secondary school teachers', sector: 'School Board', weight: 1},
	{noc: '42202', title: 'Early childhood educators and assistants', sector: 'Childcare Centre', weight: 2},
	{noc: '32101', title: 'Licensed practical nurses', sector: 'Care Home', weight: 2},
	{noc: '33102', title: 'Nurse aides, orderlies and patient service associates', sector: 'Health Services', weight: 2},
	{noc: '22220', title: 'Computer network and web technicians', sector: 'Networks', weight: 2},
	{noc: '22221', title: 'User support technicians', sector: 'Tech Support', weight: 2},
	{noc: '12200', title: 'Accounting technicians and bookkeepers', sector: 'Bookkeeping', weight: 2},
	{noc: '13100', title: 'Administrative officers', sector: 'Services', weight: 2},
	{noc: '13110', title: 'Administrative assistants', sector: 'Group', weight: 2},
	{noc: '62010', title: 'Retail sales supervisors', sector: 'Retail', weight: 2},
	{noc: '63100', title: 'Insurance agents and brokers', sector: 'Insurance', weight: 1},
	{noc: '60030', title: 'Restaurant and food service managers', sector: 'Restaurants', weight: 2},
	{noc: '20012', title: 'Computer and information systems managers', sector: 'Digital', weight: 2},
	{noc: '10010', title: 'Financial managers', sector: 'Financial', weight: 1},
	{noc: '10022', title: 'Advertising, marketing and public relations managers', sector: 'Media', weight: 1},
	{noc: '70010', title: 'Construction managers', sector: 'Construction', weight: 1},
	{noc: '00012', title: 'Senior managers - financial, communications and other business services', sector: 'Holdings', weight: 1},
];

/** Skilled trades eligible for FST (major groups 72, 73, 82, 92; minor group 6320; unit group 62200). */
export const TRADES: readonly Occupation[] = [
	{noc: '72200', title: 'Electricians (except industrial and power system)', sector: 'Electric', weight: 3, trade: true},
	{noc: '72201', title: 'Industrial electricians', sector: 'Industrial Electric', weight: 1, trade: true},
	{noc: '72300', title: 'Plumbers', sector: 'Plumbing', weight: 2, trade: true},
	{noc: '72310', title: 'Carpenters', sector: 'Builders', weight: 3, trade: true},
	{noc: '72106', title: 'Welders and related machine operators', sector: 'Fabrication', weight: 3, trade: true},
	{noc: '72100', title: 'Machinists and machining and tooling inspectors', sector: 'Machining', weight: 1, trade: true},
	{noc: '72400', title: 'Construction millwrights and industrial mechanics', sector: 'Mechanical', weight: 1, trade: true},
	{noc: '72410', title: 'Automotive service technicians, truck and bus mechanics', sector: 'Auto Service', weight: 2, trade: true},
	{noc: '73300', title: 'Transport truck drivers', sector: 'Transport', weight: 2, trade: true},
	{noc: '73400', title: 'Heavy equipment operators', sector: 'Earthworks', weight: 1, trade: true},
	{noc: '63200', title: 'Cooks', sector: 'Kitchen', weight: 3, trade: true},
	{noc: '62200', title: 'Chefs', sector: 'Bistro', weight: 2, trade: true},
	{noc: '92100', title: 'Power engineers and power systems operators', sector: 'Energy', weight: 1, trade: true},
	{noc: '82030', title: 'Agricultural service contractors and farm supervisors', sector: 'Farms', weight: 1, trade: true},
];

/** Jobs that are not skilled for Express Entry (TEER 4 and 5), held before or beside skilled work. */
export const UNSKILLED: readonly Occupation[] = [
	{noc: '64100', title: 'Retail salespersons and visual merchandisers', sector: 'Stores', weight: 3},
	{noc: '65201', title: 'Food counter attendants, kitchen helpers and related support occupations', sector: 'Foods', weight: 3},
	{noc: '65100', title: 'Cashiers', sector: 'Market', weight: 2},
	{noc: '44101', title: 'Home support workers, caregivers and related occupations', sector: 'Home Care', weight: 2},
	{noc: '75110', title: 'Construction trades helpers and labourers', sector: 'Contracting', weight: 1},
];

const CANADIAN_PLACES = ['Prairie', 'Maple', 'Northshore', 'Laurentian', 'Fraser Valley', 'Bluewater', 'Cabot', 'Rideau', 'Chinook', 'Muskoka', 'Saint-Laurent', 'Okanagan', 'Boréal', 'Grand River', 'Fundy'];
const CANADIAN_SUFFIXES = ['Inc.', 'Ltd.', 'Corp.', 'Ltée', 'Co-operative', 'Partners', 'Group Inc.'];

/** An invented Canadian employer for an occupation, e.g. `Prairie Software Inc.`. */
export function canadianEmployer(sector: string, pick: <T>(list: readonly T[]) => T): string {
	return `${pick(CANADIAN_PLACES)} ${sector} ${pick(CANADIAN_SUFFIXES)}`;
}

const FOREIGN_SUFFIXES = ['Ltd', 'Pvt Ltd', 'LLC', 'S.A.', 'Group', 'Holdings', 'Company'];

/** An invented employer abroad, named after a city, e.g. `Lagos Fintech Ltd`. */
export function foreignEmployer(city: string, sector: string, pick: <T>(list: readonly T[]) => T): string {
	return `${city} ${sector} ${pick(FOREIGN_SUFFIXES)}`;
}
