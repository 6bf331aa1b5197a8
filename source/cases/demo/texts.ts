/**
 * The words of the demo: officers' notes (English and French, several lines), decision and
 * review reasons, and the text documents an e-APR carries (passport transcript, employment
 * reference letter, language test result, police certificate, proof of funds). Each function
 * takes the facts it quotes, so the texts agree with the case they are written on.
 */
import type {Application, LanguageTest, WorkPeriod} from '../../rules/application.js';
import {SKILLED, TRADES, UNSKILLED} from './occupations.js';
import type {Random} from './random.js';

const TITLES = new Map([...SKILLED, ...TRADES, ...UNSKILLED].map((o) => [o.noc, o.title]));

/** The NOC 2021 title of a code (or the code when it is not in the demo's list). */
export function nocTitle(noc: string): string {
	return TITLES.get(noc) ?? `NOC ${noc}`;
}

const DUTIES: Record<string, readonly string[]> = {
	'2': ['design, code and test software components and services', 'review colleagues’ code and maintain technical documentation', 'analyse user requirements and estimate the work needed', 'support production systems and resolve incidents'],
	'1': ['prepare financial statements and reconcile accounts', 'analyse budgets and report variances to management', 'advise on policies and procedures', 'coordinate work with other departments'],
	'3': ['assess patients and plan, deliver and evaluate their care', 'administer medication and treatments as prescribed', 'document care in the patient record', 'teach patients and families about their condition'],
	'4': ['plan and deliver programs for the people in their care', 'observe and report on progress', 'prepare materials and keep records', 'meet with families and other professionals'],
	'6': ['supervise and schedule staff', 'order supplies and control inventory', 'resolve customer complaints', 'train new employees'],
	'7': ['read blueprints and specifications to plan the work', 'install, repair and maintain equipment to code', 'test installations and troubleshoot faults', 'follow health and safety rules on site'],
	'9': ['operate and monitor plant systems', 'carry out scheduled maintenance and record readings', 'respond to alarms and shut down equipment when needed', 'keep the operating log'],
	'0': ['plan, organise and direct the work of a department', 'set budgets and objectives and report to senior management', 'hire and supervise staff', 'represent the organisation with clients and partners'],
};

function duties(noc: string): readonly string[] {
	if (noc[1] === '0') return DUTIES['0']!;
	return DUTIES[noc[0]!] ?? DUTIES['6']!;
}

const upper = (text: string) => text.toUpperCase();
/** `25000` → `25,000` (no locale data involved, so every machine writes the same). */
const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A passport bio-page transcript. */
export function passportText(app: Application, random: Random, transcribedBy: string): string {
	const p = app.applicant;
	const number = `${random.pick(['A', 'C', 'K', 'N', 'P', 'X', 'Z'])}${random.int(1000000, 9999999)}`;
	const issued = `${2019 + random.int(0, 5)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
	const expires = `${Number(issued.slice(0, 4)) + 10}${issued.slice(4)}`;
	return [
		'PASSPORT BIO PAGE — TRANSCRIPT / PAGE BIOGRAPHIQUE DU PASSEPORT — TRANSCRIPTION',
		`Type: P    Issuing country / Pays de délivrance: ${p.countryOfCitizenship}`,
		`Passport no. / No du passeport: ${number}`,
		`Surname / Nom: ${upper(p.familyName)}`,
		`Given names / Prénoms: ${upper(p.givenNames)}`,
		`Nationality / Nationalité: ${p.countryOfCitizenship}`,
		`Date of birth / Date de naissance: ${p.dateOfBirth}`,
		`Sex / Sexe: ${random.pick(['F', 'M'])}`,
		`Date of issue / Date de délivrance: ${issued}`,
		`Date of expiry / Date d'expiration: ${expires}`,
		'',
		`Transcribed from the scanned bio page by ${transcribedBy}.`,
		'',
	].join('\n');
}

/** An employment reference letter for one work period. */
export function referenceLetterText(app: Application, period: WorkPeriod, random: Random, letterDate: string): string {
	const p = app.applicant;
	const title = nocTitle(period.nocCode);
	const wage = period.country === 'CAN' ? `$${random.int(22, 58)}.${random.pick(['00', '50', '25', '75'])} an hour` : 'a monthly salary';
	const span = period.end ? `from ${period.start} to ${period.end}` : `since ${period.start}`;
	const hr = random.pick(['Karen Liu', 'Marc-André Gauthier', 'Priya Raman', 'Tom Fitzpatrick', 'Nathalie Roy', 'Samuel Osei', 'Jun Park', 'Ana Ferreira']);
	return [
		period.employer ?? 'Employer',
		`${letterDate}`,
		'',
		'To whom it may concern,',
		'',
		`This letter confirms that ${p.givenNames} ${p.familyName} has been employed by ${period.employer ?? 'our company'} as ${title.toLowerCase()} ${span},`,
		`working ${period.hoursPerWeek} paid hours a week, at ${wage}.`,
		'',
		'Main duties:',
		...duties(period.nocCode).map((duty) => `- ${duty}`),
		'',
		'Please contact the undersigned for any further information.',
		'',
		`${hr}`,
		'Human Resources',
		'',
	].join('\n');
}

/** A language test result report. */
export function languageResultText(app: Application, test: LanguageTest): string {
	const p = app.applicant;
	const names: Record<LanguageTest['test'], string> = {
		'IELTS-GT': 'IELTS General Training — Test Report Form',
		'CELPIP-G': 'CELPIP-General — Official Score Report',
		'PTE-Core': 'PTE Core — Score Report',
		TEF: 'TEF Canada — Attestation de résultats',
		TCF: 'TCF Canada — Attestation de résultats',
	};
	return [
		names[test.test],
		`Candidate / Candidat : ${p.familyName}, ${p.givenNames}`,
		`Date of birth / Date de naissance : ${p.dateOfBirth}`,
		`Test date / Date de l'examen : ${test.date}`,
		`Listening / Compréhension de l'oral : ${test.listening}`,
		`Reading / Compréhension de l'écrit : ${test.reading}`,
		`Writing / Expression écrite : ${test.writing}`,
		`Speaking / Expression orale : ${test.speaking}`,
		'',
	].join('\n');
}

/** A police certificate. */
export function policeCertificateText(app: Application, random: Random, issued: string): string {
	const p = app.applicant;
	return [
		`POLICE CLEARANCE CERTIFICATE — ${p.countryOfCitizenship}`,
		`Certificate no. ${random.int(100000, 999999)}-${random.int(10, 99)}`,
		`Issued: ${issued}`,
		'',
		`This is to certify that ${p.givenNames} ${p.familyName}, born ${p.dateOfBirth}, has no criminal record`,
		'in the national records as of the date of issue.',
		'',
	].join('\n');
}

/** A bank letter for proof of settlement funds. */
export function fundsLetterText(app: Application, random: Random, issued: string): string {
	const p = app.applicant;
	const bank = random.pick(['First Continental Bank', 'Banque Atlantique', 'United Commerce Bank', 'Citizens Savings Bank']);
	return [
		bank,
		`Date: ${issued}`,
		'',
		`We confirm that ${p.givenNames} ${p.familyName} holds accounts with us with a combined balance`,
		`equivalent to CAD ${grouped(app.fundsCad ?? 0)}, and an average balance over the last six months of about`,
		`CAD ${grouped(Math.round(((app.fundsCad ?? 0) * 0.9) / 100) * 100)}. No outstanding loans are recorded against these accounts.`,
		'',
		'Branch manager',
		'',
	].join('\n');
}

/** The officer's first note after reading the file; `doubtful` when the work claimed needs checking. */
export function fileReviewNote(app: Application, french: boolean, random: Random, doubtful = false): string {
	const p = app.applicant;
	const work = [...p.workExperience].reverse().find((w) => w.nocCode[1]! <= '3');
	const test = p.languageTests[p.languageTests.length - 1];
	if (french) {
		return [
			`Dossier examiné pour vérifier qu'il est complet (${app.program}).`,
			`Passeport, certificats de police et examen médical au dossier.`,
			!work
				? 'Aucune expérience qualifiée déclarée.'
				: doubtful
					? `Lettre de référence de ${work.employer} : fonctions décrites en termes vagues pour la CNP ${work.nocCode} ; heures à vérifier avec les relevés de paie.`
					: `Lettre de référence de ${work.employer} : fonctions conformes à la CNP ${work.nocCode}, ${work.hoursPerWeek} h/sem. depuis le ${work.start}.`,
			test ? `Résultats ${test.test} du ${test.date} vérifiés en ligne.` : 'Aucun résultat de test linguistique.',
			random.chance(0.5) ? 'Prochaine étape : vérification des antécédents.' : 'Fonds suffisants selon la lettre de la banque.',
		].join('\n');
	}
	return [
		`File reviewed for completeness (${app.program}).`,
		'Passport, police certificates and medical results on file.',
		!work
			? 'No skilled work claimed.'
			: doubtful
				? `Employment reference from ${work.employer} describes the NOC ${work.nocCode} duties only vaguely; hours to be checked against pay stubs.`
				: `Employment reference from ${work.employer} matches NOC ${work.nocCode} duties; ${work.hoursPerWeek} h/week since ${work.start}.`,
		test ? `${test.test} results of ${test.date} verified online.` : 'No language test result on file.',
		random.chance(0.5) ? 'Next: background checks.' : 'Funds sufficient per bank letter.',
	].join('\n');
}

/** The completeness check of an application that will be returned as incomplete. */
export function incompleteNote(french: boolean): string {
	return french
		? "Vérification de l'intégralité : certificat de police du pays de résidence manquant, aucune preuve de demande.\nÀ retourner comme incomplète (RIPR, art. 10)."
		: 'Completeness check: police certificate for the country of residence missing; no proof it was requested.\nTo be returned as incomplete (IRPR s. 10).';
}

/** A follow-up note (background checks, call notes, reminders). */
export function followUpNote(french: boolean, random: Random): string {
	const en = [
		'Background checks initiated.\nNo concerns so far; waiting for the security partner.',
		'Called the applicant to confirm the address on file.\nApplicant confirmed; no change.',
		'Medical results received and passed (IME valid for 12 months).',
		'Checked the ECA reference with the issuing body: valid, equivalency as declared.',
		'Spoke with the employer (HR) by phone: employment and hours confirmed.\nHR contact: see reference letter.',
	];
	const fr = [
		'Vérifications des antécédents lancées.\nAucune préoccupation pour le moment.',
		"Appel au demandeur pour confirmer l'adresse au dossier.\nAucun changement.",
		'Résultats médicaux reçus et conformes (valides 12 mois).',
		"Référence de l'ECA vérifiée auprès de l'organisme : valide, équivalence conforme.",
		"Entretien téléphonique avec l'employeur (RH) : emploi et heures confirmés.",
	];
	return random.pick(french ? fr : en);
}

/** A correction of an earlier note, naming it. */
export function correctionNote(noteId: number, french: boolean, random: Random): string {
	const hours = random.pick(['40', '37.5', '35']);
	return french
		? `Correction de la note n° ${noteId} : la lettre de l'employeur indique ${hours} h/sem., et non le nombre d'heures noté.\nLe reste de la note est exact.`
		: `Correction to note #${noteId}: the employer's letter states ${hours} h/week, not the hours noted there.\nThe rest of that note stands.`;
}

/**
 * The one note that quotes an applicant's e-mail holding a terminal escape sequence and a
 * right-to-left override: stored as given, never drawn raw (it exercises the terminal sanitiser).
 */
export const HOSTILE_NOTE =
	"Applicant's e-mail pasted below (forwarded by the call centre):\n" +
	'> \u001b[2J\u001b[31mURGENT\u001b[0m please call me back about my file\n' +
	'> attachment: invoice_\u202Efdp.exe\u202C\n' +
	'No new information in the e-mail; attachment not opened. No action needed.';

/** What an RFI asks for, and the note when it is answered. */
export function rfiText(french: boolean, random: Random): {request: string; answered: string} {
	const items = french
		? ['un certificat de police à jour (celui au dossier est expiré)', "des relevés de paie couvrant la période d'emploi déclarée", 'une preuve de fonds récente (relevés des six derniers mois)', "la page manquante du rapport d'ECA"]
		: ['an updated police certificate (the one on file has expired)', 'pay stubs covering the claimed period of employment', 'recent proof of funds (statements for the last six months)', 'the missing page of the ECA report'];
	const item = random.pick(items);
	return french
		? {request: `Demande de renseignements envoyée : ${item}.\nDélai : 30 jours.`, answered: `Réponse à la demande de renseignements reçue : ${item}.\nDocuments conformes ; l'examen reprend.`}
		: {request: `Request for information sent: ${item}.\nDue in 30 days.`, answered: `Response to the RFI received: ${item}.\nDocuments satisfactory; review resumes.`};
}

/** The concerns of a procedural fairness letter, for a refusal reason. */
export function pflText(reason: string, work: WorkPeriod | undefined, french: boolean): string {
	const employer = work?.employer ?? "l'employeur";
	if (reason === 'misrepresentation') {
		return french
			? `Lettre d'équité procédurale envoyée.\nPréoccupation : le diplôme présenté ne figure pas dans les registres de l'établissement.\nLe demandeur a 30 jours pour répondre.`
			: 'Procedural fairness letter sent.\nConcern: the degree submitted is not on record with the issuing institution; possible misrepresentation (IRPA s. 40).\nThe applicant has 30 days to respond.';
	}
	if (reason.startsWith('inadmissible')) {
		return french
			? `Lettre d'équité procédurale envoyée.\nPréoccupation : résultats de l'examen médical / vérifications (${reason}).\nLe demandeur a 30 jours pour répondre.`
			: `Procedural fairness letter sent.\nConcern: results of the medical examination / background checks (${reason}).\nThe applicant has 30 days to respond.`;
	}
	return french
		? `Lettre d'équité procédurale envoyée.\nPréoccupation : la lettre de ${employer} ne décrit pas les fonctions principales de la CNP ${work?.nocCode ?? ''}, et les heures déclarées ne sont pas appuyées par les relevés de paie.\nLe demandeur a 30 jours pour répondre.`
		: `Procedural fairness letter sent.\nConcern: the letter from ${employer} does not describe the main duties of NOC ${work?.nocCode ?? ''}, and the hours claimed are not supported by the pay stubs provided.\nThe applicant has 30 days to respond.`;
}

/** The reasons of a refusal. */
export function refusalText(reasons: readonly string[], work: WorkPeriod | undefined, french: boolean): string {
	const main = reasons[0];
	const en: Record<string, string> = {
		'cec-not-met': `The applicant's response to the PFL did not establish the work at ${work?.employer ?? 'the employer'}. Without it, the applicant has less than one year of skilled Canadian work in the 3 years before the application (IRPR s. 87.1(2)(a)).`,
		'fst-not-met': `The trade experience claimed in NOC ${work?.nocCode ?? ''} is not established; less than two years in the trade in the 5 years before the application (IRPR s. 87.2(3)(b)).`,
		'insufficient-evidence': `The evidence on file does not establish the employment claimed at ${work?.employer ?? 'the employer'} (NOC ${work?.nocCode ?? ''}): the reference letter gives no duties and the hours are not supported (IRPA s. 11(1)).`,
		'funds-insufficient': 'Settlement funds shown are below the amount required for the family size at the date of the application, and the applicant is not exempt (IRPR s. 76(1)(b)).',
		'failure-to-provide': 'The documents requested in the RFI were not provided by the bring-forward date, nor was an extension asked for (IRPA s. 16(1)).',
		misrepresentation: 'The institution confirms that the degree submitted was not issued to the applicant. The response to the PFL does not answer the concern. The misrepresentation is material (IRPA s. 40(1)(a)); 5-year bar.',
		'inadmissible-medical': 'The medical assessment finds an excessive demand on health services; the mitigation plan provided does not answer it (IRPA s. 38(1)(c)).',
		'inadmissible-criminality': 'The police certificate shows a conviction equivalent to an indictable offence in Canada; no record suspension or rehabilitation (IRPA s. 36(2)(b)).',
	};
	const fr: Record<string, string> = {
		'cec-not-met': `La réponse à la lettre d'équité procédurale n'établit pas l'emploi chez ${work?.employer ?? "l'employeur"}. Sans cet emploi, le demandeur a moins d'un an d'expérience qualifiée au Canada dans les 3 ans précédant la demande (RIPR, al. 87.1(2)a)).`,
		'fst-not-met': `L'expérience déclarée dans la CNP ${work?.nocCode ?? ''} n'est pas établie ; moins de deux ans dans le métier au cours des 5 ans précédant la demande (RIPR, al. 87.2(3)b)).`,
		'insufficient-evidence': `La preuve au dossier n'établit pas l'emploi déclaré chez ${work?.employer ?? "l'employeur"} (CNP ${work?.nocCode ?? ''}) : la lettre ne décrit pas les fonctions et les heures ne sont pas appuyées (LIPR, par. 11(1)).`,
		'funds-insufficient': "Les fonds d'établissement sont inférieurs au montant exigé pour la taille de la famille à la date de la demande (RIPR, al. 76(1)b)).",
		'failure-to-provide': "Les documents demandés n'ont pas été fournis à la date de rappel, sans demande de prolongation (LIPR, par. 16(1)).",
		misrepresentation: "L'établissement confirme que le diplôme présenté n'a pas été délivré au demandeur. Fausse déclaration importante (LIPR, al. 40(1)a)) ; interdiction de 5 ans.",
		'inadmissible-medical': "L'examen médical conclut à un fardeau excessif pour les services de santé (LIPR, al. 38(1)c)).",
		'inadmissible-criminality': "Le certificat de police fait état d'une condamnation équivalant à une infraction punissable par mise en accusation (LIPR, al. 36(2)b)).",
	};
	return (french ? fr : en)[main!] ?? (french ? 'Refus : voir les motifs codés.' : 'Refused: see the reason codes.');
}

/** The reasons of an approval, or of an override approval. */
export function approvalText(override: boolean, french: boolean): string {
	if (override) {
		return french
			? "Approbation malgré le critère d'expérience canadienne (quelques semaines manquantes) : l'employeur confirme un congé payé non déclaré comme heures ; l'agent est convaincu que l'expérience requise est acquise."
			: 'Approved although the Canadian experience criterion is a few weeks short: the employer confirms paid leave that was not reported as hours; I am satisfied the required experience was acquired.';
	}
	return french
		? 'Toutes les exigences du programme sont remplies ; admissibilité établie (vérifications, examen médical). Approuvé.'
		: 'All program requirements met; admissibility established (background checks, medical). Approved.';
}

/** A supervisor's review text. */
export function reviewText(outcome: 'approve' | 'return', french: boolean): string {
	if (outcome === 'approve') {
		return french ? 'Motifs lus ; la décision est raisonnable et appuyée par le dossier. Approuvé.' : 'Reasons read; the decision is reasonable and supported by the file. Concur.';
	}
	return french
		? "Renvoyé : la préoccupation n'a pas été communiquée au demandeur. Envoyer une lettre d'équité procédurale avant de refuser."
		: 'Returned: the concern relied on was never put to the applicant. Send a procedural fairness letter before refusing.';
}

/** The applicant's withdrawal request, or what is missing for a return. */
export function withdrawalText(returned: boolean, french: boolean, random: Random): string {
	if (returned) {
		return french ? 'Demande incomplète : le certificat de police du pays de résidence manque et aucune preuve de demande n’a été fournie.' : 'Application incomplete: the police certificate for the country of residence is missing and no proof of request was provided.';
	}
	const reason = random.pick(
		french
			? ["a accepté un poste à l'étranger", 'reste dans son pays pour raisons familiales', 'présente une nouvelle demande au titre du PCP']
			: ['accepted a job offer abroad', 'is staying in their home country for family reasons', 'is applying again under a provincial nomination'],
	);
	return french ? `Courriel du demandeur demandant le retrait de la demande : ${reason}. Retrait accepté.` : `Applicant's e-mail asks to withdraw the application: ${reason}. Withdrawal accepted.`;
}
