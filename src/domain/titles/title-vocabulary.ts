/**
 * The word lists that make job titles comparable: abbreviations people type, words that say
 * nothing about the occupation (seniority, contract type) and grammatical filler.
 * Both sides (the query and every indexed title) go through the same lists.
 */

/** Abbreviation → the words it stands for. Stemming later merges word variants (admin → administrator/administrative). */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    sr: ['senior'],
    snr: ['senior'],
    jr: ['junior'],
    jnr: ['junior'],
    mgr: ['manager'],
    mngr: ['manager'],
    mgrs: ['manager'],
    mgmt: ['management'],
    mgt: ['management'],
    eng: ['engineer'],
    engr: ['engineer'],
    engg: ['engineering'],
    dev: ['developer'],
    devs: ['developer'],
    admin: ['administrator'],
    admins: ['administrator'],
    sysadmin: ['system', 'administrator'],
    asst: ['assistant'],
    assoc: ['associate'],
    tech: ['technician'],
    techs: ['technician'],
    spec: ['specialist'],
    spclst: ['specialist'],
    coord: ['coordinator'],
    coordr: ['coordinator'],
    dir: ['director'],
    exec: ['executive'],
    execs: ['executive'],
    rep: ['representative'],
    reps: ['representative'],
    svc: ['service'],
    svcs: ['service'],
    serv: ['service'],
    cust: ['customer'],
    ops: ['operations'],
    acct: ['account'],
    accts: ['accounts'],
    acctg: ['accounting'],
    mktg: ['marketing'],
    mkt: ['marketing'],
    sls: ['sales'],
    dept: ['department'],
    supv: ['supervisor'],
    supvr: ['supervisor'],
    supt: ['superintendent'],
    mech: ['mechanic'],
    maint: ['maintenance'],
    mfg: ['manufacturing'],
    mfr: ['manufacturing'],
    constr: ['construction'],
    elec: ['electrical'],
    prod: ['production'],
    qc: ['quality', 'control'],
    qa: ['quality', 'assurance'],
    instr: ['instructor'],
    prof: ['professor'],
    sci: ['scientist'],
    anlst: ['analyst'],
    analyt: ['analyst'],
    pharm: ['pharmacy'],
    hr: ['human', 'resources'],
    it: ['information', 'technology'],
    ai: ['artificial', 'intelligence'],
    ml: ['machine', 'learning'],
    bi: ['business', 'intelligence'],
    ux: ['user', 'experience'],
    ui: ['user', 'interface'],
    seo: ['search', 'engine', 'optimization'],
    sem: ['search', 'engine', 'marketing'],
    ap: ['accounts', 'payable'],
    ar: ['accounts', 'receivable'],
    rd: ['research', 'development'],
    vp: ['vice', 'president'],
    svp: ['senior', 'vice', 'president'],
    evp: ['executive', 'vice', 'president'],
    avp: ['assistant', 'vice', 'president'],
    gm: ['general', 'manager'],
    pm: ['project', 'manager'],
    ceo: ['chief', 'executive', 'officer'],
    cfo: ['chief', 'financial', 'officer'],
    coo: ['chief', 'operating', 'officer'],
    cto: ['chief', 'technology', 'officer'],
    cio: ['chief', 'information', 'officer'],
    cmo: ['chief', 'marketing', 'officer'],
    rn: ['registered', 'nurse'],
    rns: ['registered', 'nurse'],
    lpn: ['licensed', 'practical', 'nurse'],
    lvn: ['licensed', 'vocational', 'nurse'],
    cna: ['certified', 'nursing', 'assistant'],
    np: ['nurse', 'practitioner'],
    pa: ['physician', 'assistant'],
    ma: ['medical', 'assistant'],
    pt: ['physical', 'therapist'],
    ot: ['occupational', 'therapist'],
    slp: ['speech', 'language', 'pathologist'],
    emt: ['emergency', 'medical', 'technician'],
    md: ['physician'],
    dds: ['dentist'],
    dvm: ['veterinarian'],
    crna: ['certified', 'registered', 'nurse', 'anesthetist'],
    icu: ['intensive', 'care', 'unit'],
    er: ['emergency', 'room'],
    cpa: ['certified', 'public', 'accountant'],
    swe: ['software', 'engineer'],
    sde: ['software', 'development', 'engineer'],
    dba: ['database', 'administrator'],
    db: ['database'],
    hvac: ['heating', 'ventilation', 'air', 'conditioning'],
    cdl: ['commercial', 'truck', 'driver'],
    cnc: ['computer', 'numerical', 'control'],
    k12: ['school'],
    hs: ['high', 'school'],
    frontend: ['front', 'end'],
    backend: ['back', 'end'],
    fullstack: ['full', 'stack'],
    devops: ['dev', 'ops'],
    nurs: ['nursing'],
    edu: ['education'],
    govt: ['government'],
    intl: ['international'],
    natl: ['national'],
    info: ['information'],
    sys: ['systems'],
    comm: ['communications'],
    comms: ['communications'],
  }),
);

/** Words about seniority or contract, not about the work: they count for little. */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  'senior',
  'junior',
  'lead',
  'principal',
  'staff',
  'entry',
  'level',
  'experienced',
  'trainee',
  'i',
  'ii',
  'iii',
  'iv',
  '1',
  '2',
  '3',
  '4',
  'remote',
  'part',
  'time',
  'temporary',
  'temp',
  'contract',
  'freelance',
  'permanent',
  'seasonal',
  'hybrid',
  'onsite',
  'new',
  'grad',
  'associate',
  'head',
]);

/** Filler that never distinguishes one occupation from another. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'and',
  'of',
  'the',
  'for',
  'in',
  'a',
  'an',
  'to',
  'with',
  'at',
  'on',
  'by',
  'or',
  's',
  'all',
  'other',
  'except',
  'job',
  'position',
]);

/**
 * Job-market phrases newer than O*NET's title lists, rewritten into the words O*NET uses. Applied to
 * queries only: O*NET itself lists "Full Stack Developer" under film processing, which a query
 * for the software job must not land on.
 */
export const MODERN_PHRASES: ReadonlyArray<readonly [phrase: readonly string[], words: readonly string[]]> = [
  [
    ['full', 'stack'],
    ['web', 'software'],
  ],
  [['front', 'end'], ['web']],
  [['back', 'end'], ['software']],
  [
    ['dev', 'ops'],
    ['software', 'operations'],
  ],
  [
    ['developer', 'operations'],
    ['software', 'operations'],
  ],
  [['growth', 'hacker'], ['marketing']],
  [
    ['scrum', 'master'],
    ['project', 'management', 'specialist'],
  ],
  [
    ['product', 'owner'],
    ['project', 'management', 'specialist'],
  ],
  // Finance jargon O*NET's titles never use: fixed income is the bond market.
  [['fixed', 'income'], ['bond']],
  // Ride-hailing and delivery platforms: their drivers are taxi and delivery drivers.
  [['uber'], ['taxi']],
  [['lyft'], ['taxi']],
  [['rideshare'], ['taxi']],
  [['ride', 'share'], ['taxi']],
  [['doordash'], ['delivery']],
];

/**
 * Role words that name the same kind of role, with how close they are (0–1). Applied to queries
 * only, as extra terms beside the word itself, so a title that uses the word still wins. A leader
 * or an administrator runs something, like a manager or a supervisor; a teacher is an instructor.
 */
export const ROLE_SYNONYMS: ReadonlyMap<string, ReadonlyArray<readonly [word: string, closeness: number]>> = new Map(
  Object.entries({
    leader: [
      ['manager', 0.8],
      ['supervisor', 0.8],
    ],
    administrator: [['manager', 0.7]],
    teacher: [['instructor', 0.8]],
    instructor: [['teacher', 0.8]],
  }),
);

/**
 * Seniority words that name a role when they end the title or open "head of": a "Team Lead" is a
 * team leader and the "Head of Marketing" a marketing manager, while a "Lead Developer" is a developer.
 */
export const ROLE_HEAD_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    lead: 'leader',
    head: 'manager',
  }),
);

/**
 * Word endings that make another form of the same job word: gendered forms (actress → actor,
 * waitress → waiter, hostess → host; draftsperson and draftswoman → draftsman). Tried, in order,
 * only on words no title uses.
 */
export const WORD_FORM_ENDINGS: ReadonlyArray<readonly [ending: string, replacement: string]> = [
  ['ress', 'or'],
  ['ress', 'er'],
  ['ess', ''],
  ['person', 'man'],
  ['woman', 'man'],
  ['persons', 'man'],
  ['people', 'man'],
  ['women', 'man'],
];
