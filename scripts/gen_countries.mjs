#!/usr/bin/env node
// Generate data/gazetteer/countries.json from the npm package `world-countries`
// (mledoze/countries, ODbL-1.0; see data/gazetteer/LICENSE.md).
//
// Usage:
//   mkdir -p /tmp/wc && (cd /tmp/wc && npm install world-countries@5.1.0)
//   node scripts/gen_countries.mjs [/tmp/wc/node_modules/world-countries]
//
// Output: a JSON array, one object per entry of world-countries (250), sorted
// by id, one object per line, UTF-8, "\n" line ends:
//   {"id": "north-korea", "kind": "country", "iso2": "KP", "iso3": "PRK",
//    "sovereign": true,
//    "names": {"en": [...], "fr": [...]},
//    "abbrevs": ["DPRK"],                       // case-sensitive acronyms
//    "demonyms": {"en": [...], "fr": [...]},    // fr lowercase, m/f sg/pl
//    "capital": {"en": [...], "fr": [...]},
//    "ambiguous": [...]}                        // names that are also common words
//
// All entries have kind "country" (as asked); "sovereign" is false for
// dependencies and territories (world-countries' `independent` is not true),
// except Taiwan, Palestine, Kosovo and Western Sahara, which news text treats
// as countries.
//
// The curated tables below fix known problems in the upstream data (typos in
// French demonyms, outdated official names, stray spaces) and add the French
// spellings of capitals, which upstream only has in English.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const PKG = process.argv[2] || '/tmp/wc/node_modules/world-countries';
const OUT = path.join(ROOT, 'data', 'gazetteer', 'countries.json');

const countries = JSON.parse(fs.readFileSync(path.join(PKG, 'countries.json'), 'utf8'));
const pkgVersion = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------
// Curated data
// ---------------------------------------------------------------------------

// French names of capitals whose French spelling differs from the English one
// (key: English capital as in world-countries). Several values = variants.
const CAPITAL_FR = {
  'Moscow': ['Moscou'], 'London': ['Londres'], 'Beijing': ['Pékin', 'Beijing'],
  'Seoul': ['Séoul'], 'Kyiv': ['Kiev', 'Kyiv', 'Kiïv'], 'Warsaw': ['Varsovie'],
  'Brussels': ['Bruxelles'], 'Lisbon': ['Lisbonne'], 'Vienna': ['Vienne'],
  'Athens': ['Athènes'], 'Cairo': ['Le Caire'], 'Tehran': ['Téhéran'],
  'Baghdad': ['Bagdad'], 'Damascus': ['Damas'], 'Beirut': ['Beyrouth'],
  'Jerusalem': ['Jérusalem'], 'Copenhagen': ['Copenhague'], 'Bucharest': ['Bucarest'],
  'Nicosia': ['Nicosie'], 'Tbilisi': ['Tbilissi'], 'Yerevan': ['Erevan'],
  'Baku': ['Bakou'], 'Tashkent': ['Tachkent'], 'Bishkek': ['Bichkek'],
  'Dushanbe': ['Douchanbé'], 'Ashgabat': ['Achgabat'], 'Ulan Bator': ['Oulan-Bator'],
  'Kabul': ['Kaboul'], 'Kathmandu': ['Katmandou'], 'Thimphu': ['Thimphou'],
  'Dhaka': ['Dacca', 'Dhaka'], 'Manila': ['Manille'], 'Singapore': ['Singapour'],
  'Riyadh': ['Riyad'], 'Kuwait City': ['Koweït'], 'Muscat': ['Mascate'],
  "Sana'a": ['Sanaa'], 'Abu Dhabi': ['Abou Dhabi', 'Abu Dhabi'], 'Algiers': ['Alger'],
  'Mogadishu': ['Mogadiscio'], 'Addis Ababa': ['Addis-Abeba'], "N'Djamena": ["N'Djaména"],
  'Cape Town': ['Le Cap'], 'Port Louis': ['Port-Louis'], 'Washington D.C.': ['Washington'],
  'Mexico City': ['Mexico'], 'Guatemala City': ['Guatemala'], 'Panama City': ['Panama'],
  'Havana': ['La Havane'], 'Santo Domingo': ['Saint-Domingue'],
  'Port of Spain': ["Port-d'Espagne"], 'Bern': ['Berne'], 'Valletta': ['La Valette'],
  'Vatican City': ['Cité du Vatican'], 'City of San Marino': ['Saint-Marin'],
  'Andorra la Vella': ['Andorre-la-Vieille'], 'Chișinău': ['Chisinau', 'Kichinev'],
  "St. George's": ['Saint-Georges'], 'Hanoi': ['Hanoï'], 'Brasília': ['Brasilia'],
  'Bogotá': ['Bogota'], 'Reykjavik': ['Reykjavik'], 'Juba': ['Djouba', 'Juba'],
  'Naypyidaw': ['Naypyidaw', 'Naypyitaw'], 'Taipei': ['Taipei', 'Taïpei'],
  'Pristina': ['Pristina', 'Priština'], 'Sofia': ['Sofia'], 'Tirana': ['Tirana'],
  'Lomé': ['Lomé'], 'El Aaiún': ['Laâyoune'], 'Saint John\'s': ['Saint John\'s'],
  'Papeetē': ['Papeete'], 'Hagåtña': ['Hagåtña'], 'Plymouth': ['Plymouth'],
  'Kingston': ['Kingston'], 'Phnom Penh': ['Phnom Penh'], 'Vientiane': ['Vientiane'],
  'Saint-Denis': ['Saint-Denis'], 'New Delhi': ['New Delhi'], 'Malé': ['Malé'],
  'Asunción': ['Asuncion', 'Asunción'], 'Yaoundé': ['Yaoundé'], 'Nouméa': ['Nouméa'],
  'South Tarawa': ['Tarawa-Sud'], 'Basseterre': ['Basseterre'], 'Kingstown': ['Kingstown'],
  'Flying Fish Cove': ['Flying Fish Cove'],
};

// Extra English capital spellings (older or common forms), and extra seats of
// government that news text names (La Paz, The Hague).
const CAPITAL_EN_EXTRA = {
  UA: ['Kiev'], US: ['Washington', 'Washington, D.C.'], MN: ['Ulaanbaatar'],
  MD: ['Chisinau'], YE: ['Sanaa'], CO: ['Bogota'], BR: ['Brasilia'],
  XK: ['Prishtina'], MM: ['Naypyitaw'], BO: ['La Paz'], NL: ['The Hague'],
  SZ: ['Mbabane'], KZ: ['Nur-Sultan'],
  HK: [], PF: ['Papeete'], EH: ['Laayoune'],
};
const CAPITAL_FR_EXTRA = { BO: ['La Paz'], NL: ['La Haye'], SZ: ['Mbabane'], KZ: ['Nur-Sultan'] };
// Upstream capitals that are wrong or useless for matching.
const CAPITAL_EN_REPLACE = { HK: ['Hong Kong'], MO: ['Macau'] };

// Extra names (curated): common press usage missing upstream.
const NAMES_EN_EXTRA = {
  GB: ['Britain', 'Great Britain'], CZ: ['Czech Republic'], TR: ['Turkey'],
  SZ: ['Swaziland'], CV: ['Cabo Verde'], CI: ["Côte d'Ivoire"],
  CD: ['Democratic Republic of Congo', 'Congo-Kinshasa'], CG: ['Congo-Brazzaville', 'Congo'],
  VA: ['Holy See', 'Vatican'], MK: ['Macedonia'], MM: ['Burma'], TL: ['East Timor'],
  KP: [], KR: [], US: ['United States of America'], RU: ['Russian Federation'],
  PS: ['State of Palestine'], LA: ['Lao PDR'], MD: ['Republic of Moldova'],
  SY: ['Syrian Arab Republic'], IR: ['Islamic Republic of Iran'], BY: ['Byelorussia'],
  MO: ['Macao'], AE: ['Emirates'],
};
const NAMES_FR_EXTRA = {
  US: ["États-Unis d'Amérique"], GB: ['Grande-Bretagne'],
  CD: ['République démocratique du Congo', 'RD Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'], BY: ['Bélarus', 'Belarus'], MD: ['Moldova'],
  NL: ['Hollande'], MM: ['Myanmar'], SZ: ['Eswatini'], TL: ['Timor-Leste'],
  CV: ['Cap-Vert'], VA: ['Vatican', 'Saint-Siège'], SA: ['Arabie saoudite'],
  EH: ['Sahara occidental'], DO: ['République dominicaine'], LY: ['État de Libye'],
  MU: ['Maurice'], VN: ['Vietnam'], NG: ['Nigeria'], LR: ['Libéria'],
  KG: ['Kirghizstan'], AX: ['Åland', 'Îles Åland'], SX: ['Sint Maarten'],
  TR: ['Türkiye'], MK: ['Macédoine'], RE: ['La Réunion'], GF: ['Guyane française'],
  SV: ['El Salvador'], PW: ['Palaos', 'Palau'], FK: ['Îles Falkland'],
  CZ: ['République tchèque'], KZ: [], TZ: ['République-Unie de Tanzanie'],
  AG: ['Antigua-et-Barbuda'], CI: ["République de Côte d'Ivoire"],
  BA: ['Bosnie'], PS: ['Territoires palestiniens'],
};
// Upstream French names that are wrong, outdated or ambiguous: removed.
const NAMES_FR_DROP = {
  US: ["Les états-unis d'Amérique"], CD: ['Congo (Rép. dém.)'], SA: ['Arabie Saoudite', "Royaume d'Arabie Saoudite"],
  EH: ['Sahara Occidental'], DO: ['République Dominicaine'],
  LY: ['Grande République arabe libyenne populaire et socialiste'], AX: ['Ahvenanmaa'],
  SX: ['Saint-Martin'], TZ: ['République -Unie de Tanzanie'], AG: ['Antigua -et-Barbuda'],
  CI: ["République de Côte d' Ivoire"], PW: ['Palaos (Palau)', 'République des Palaos (Palau)'],
  SJ: ['Jan Mayen Svalbard'], SZ: ['Swaziland'],
};
const NAMES_FR_FIX = { SA: ["Royaume d'Arabie saoudite"], PW: ['République des Palaos'], SZ: ['Swaziland'] };

// Abbreviations that are matched case-sensitively (never lowercase "us").
const ABBREVS = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.'], GB: ['UK', 'U.K.'], KP: ['DPRK'],
  CD: ['DRC', 'RDC', 'RDCongo'], AE: ['UAE', 'EAU'], CF: ['RCA'], ZA: ['RSA'],
  RU: [], UA: [],
};

// altSpellings that survive the automatic filter but are not English names
// (transliterations of native names, other languages, historic names).
const ALT_DENY = new Set([
  'Osterreich', 'Oesterreich', "Republika y'Uburundi", 'Hayastan', 'Jabuuti', 'Gabuuti',
  'Gabuutih Ummuuno', 'Jamhuuriyadda Jabuuti', 'Dzayer', 'Sakartvelo', 'Gwadloup',
  'Ellan Vannin', 'Mann', 'Bharat Ganrajya', 'Nippon', 'Nihon', 'Qazaqstan',
  'Respublika Kazakhstan', 'Jamhuri ya Kenya', 'Kyrgyz Respublikasy', 'Dawlat al-Kuwait',
  'Lao', 'Sathalanalat Paxathipatai Paxaxon Lao', 'Dawlat Libya', 'Muso oa Lesotho',
  'Lietuvos Respublika', 'Latvijas Republika', 'Mexicanos', "Repubblika ta' Malta", 'Nijar',
  'Nijeriya', 'Naoero', 'Ripublik Naoero', 'Portuguesa', 'Sarnam', 'Sranangron', 'weSwatini',
  'Swatini', 'Ngwane', 'Togolese', 'Prathet', 'Thai', 'Ratcha Anachak Thai', 'Timor Lorosae',
  "Timór Lorosa'e", 'Timor', 'Jamhuri ya Uganda', 'Ukrayina', 'Suid-Afrika', 'Zhongguo',
  'Zhonghua', 'Shqipnia', 'Shqipëri', 'Roumania', 'Pleasant Island', 'Somers Isles',
  'Repubblica di San Marino', 'República del Paraguay', 'Republica Moldova', 'Bielaruś',
  'République Gabonaise', 'République du Rwanda', 'République Togolaise',
  'Collectivité de Saint-Martin', 'République de Côte d\'Ivoire', 'the Abode of Peace',
  'Nation of Brunei', 'Kòrsou', 'Grønland', 'Bouvet-øya', 'Kýpros', 'BES islands',
  'Bonaire Sint Eustatius and Saba', 'Pitcairn Henderson Ducie and Oeno Islands',
  'The former Yugoslav Republic of Macedonia', 'Aaland', 'Gônôprôjatôntri Bangladesh',
  'Dawlat Iritriyá', 'Matanitu ko Viti', 'Elláda', 'Lýðveldið Ísland', 'Dhivehi Raajjeyge Jumhooriyya',
  'Naíjíríà', 'Repúblika ng Pilipinas', 'Toçikiston', 'Çumhuriyi Toçikiston',
]);

// French demonym overrides (lowercase [m, f] pairs or full lists).
const DEMONYM_FR_OVERRIDE = {
  AG: [['antiguais', 'antiguaise'], ['barbudien', 'barbudienne']],
  FK: [['malouin', 'malouine'], ['falklandais', 'falklandaise']],
  MP: [['mariannais', 'mariannaise']],
  SZ: [['swazi', 'swazie']],
  TJ: [['tadjik', 'tadjike']],
  AE: [['émirien', 'émirienne'], ['émirati', 'émiratie']],
  NZ: [['néo-zélandais', 'néo-zélandaise']],
  SL: [['sierra-léonais', 'sierra-léonaise']],
  PW: [['palaosien', 'palaosienne']],
  VU: [['vanuatais', 'vanuataise']],
  PG: [['papouan-néo-guinéen', 'papouane-néo-guinéenne']],
  KN: [['kittitien', 'kittitienne'], ['névicien', 'névicienne']],
  PM: [['saint-pierrais', 'saint-pierraise'], ['miquelonais', 'miquelonaise']],
  KZ: [['kazakhstanais', 'kazakhstanaise'], ['kazakh', 'kazakhe']],
  KG: [['kirghize', 'kirghize'], ['kirghiz', 'kirghize']],
  CR: [['costaricain', 'costaricaine'], ['costaricien', 'costaricienne']],
  NL: [['néerlandais', 'néerlandaise'], ['hollandais', 'hollandaise']],
  BY: [['biélorusse', 'biélorusse'], ['bélarusse', 'bélarusse']],
  EH: [['sahraoui', 'sahraouie']],
  IM: [['mannois', 'mannoise']],
  WF: [['wallisien', 'wallisienne'], ['futunien', 'futunienne']],
  GU: [['guamien', 'guamienne']],
  AQ: [],
  VA: [],
  BQ: [],
  SJ: [],
  TF: [],
  IO: [],
  CW: [['curacien', 'curacienne']],
  SH: [['saint-hélénois', 'saint-hélénoise']],
  TW: [['taïwanais', 'taïwanaise']],
};
// French plural overrides (forms that the +s rule gets wrong).
const FR_PLURAL = { 'papouan-néo-guinéen': 'papouans-néo-guinéens', 'papouane-néo-guinéenne': 'papouanes-néo-guinéennes' };

// English demonym additions / replacements.
const DEMONYM_EN_EXTRA = {
  KG: ['Kyrgyz'], UZ: ['Uzbek'], KZ: ['Kazakh'],
  SA: ['Saudi'], GB: ['Briton'], DK: ['Dane'], SE: ['Swede'],
  FI: ['Finn'], PL: ['Pole'], ES: ['Spaniard'], TR: ['Turk'], PH: ['Filipina'],
  IS: ['Icelandic'], GL: ['Greenlander'], EC: ['Ecuadorian'],
};
const DEMONYM_EN_REPLACE = {
  CV: ['Cape Verdean'], TJ: ['Tajik'], MV: ['Maldivian'], DJ: ['Djiboutian'], GI: ['Gibraltarian'], VA: [], AQ: [], BQ: [], SJ: [], TF: [], IO: [],
  UM: [], MP: ['Northern Mariana Islander'],
};
// English plurals that do not follow the +s rule (null = no plural).
const EN_PLURAL = {
  Motswana: 'Batswana', Mosotho: 'Basotho', Malagasy: null, 'Ni-Vanuatu': null,
  'I-Kiribati': null, Manx: null, Swiss: null, Icelandic: null, Greenlandic: null,
};

// Names/demonyms/capitals that are also common words, first names or other
// places: the matcher should require capitalisation/context for these.
const AMBIGUOUS = {
  TD: ['Chad'], JO: ['Jordan'], TR: ['Turkey', 'Turkish'], GE: ['Georgia', 'Géorgie', 'Georgian'],
  JE: ['Jersey'], GN: ['Guinea', 'Guinée'], CN: ['China', 'Chinese'], NE: ['Niger'],
  GD: ['Grenade', 'Grenada'], DM: ['Dominique', 'Dominica'], MU: ['Maurice'],
  PH: ['philippines'], CH: ['suisse', 'Suisse'],
  SV: ['Salvador'], PL: ['Polish', 'Pole'], FI: ['Finn'], US: ['Washington', 'américain'],
  MX: ['Mexico'], PA: ['Panama'], GT: ['Guatemala'], KW: ['Koweït', 'Kuwait'],
  DJ: ['Djibouti'], LU: ['Luxembourg'], MC: ['Monaco'], SG: ['Singapore', 'Singapour'],
  GI: ['Gibraltar'], VA: ['Vatican'], SC: ['Victoria'], HK: ['Hong Kong'],
  BM: ['Hamilton'], IM: ['Douglas'], JM: ['Kingston'], NF: ['Kingston'], FK: ['Stanley'],
  SH: ['Jamestown'], GY: ['Georgetown'], KY: ['George Town'], MS: ['Plymouth'],
  RE: ['Saint-Denis'], CL: ['Santiago'], PM: ['Saint-Pierre'], GP: ['Basse-Terre'],
  CG: ['Congo', 'congolais'], CD: ['Congo', 'congolais'], IN: ['Indian', 'indien'],
  NL: ['Dutch'], DO: ['Dominican'], IE: ['Irish'], AR: ['Argentine', 'argentine'],
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const isCode = (s) => /^[A-Z]{2,4}$/.test(s) || /^([A-Z]\.)+[A-Z]?\.?$/.test(s);
// Latin-1 letters plus common punctuation; anything else (macrons, ʻ, ṣ,
// Cyrillic, CJK, ...) marks a transliteration or a native-script name.
const isLatin1Name = (s) => /^[A-Za-zÀ-ÖØ-öø-ÿ' .\-()]+$/.test(s);
const normApos = (s) => s.replace(/[’ʼ‘]/g, "'").replace(/\s+/g, ' ').trim();

function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function uniq(list) {
  const seen = new Set();
  const out = [];
  for (const raw of list) {
    if (raw == null) continue;
    const s = normApos(raw);
    if (!s) continue;
    const k = s.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

// "Republic of China (Taiwan)" -> ["Republic of China (Taiwan)", "Republic of China"]:
// the parenthesised form is dropped (it never occurs in running text) and the
// bare form is kept.
function expandParens(names) {
  const out = [];
  for (const n of names) {
    const m = n.match(/^(.*?)\s*\((.*)\)\s*$/);
    if (m) out.push(m[1].trim());
    else out.push(n);
  }
  return out;
}

function frPlural(w) {
  if (FR_PLURAL[w]) return FR_PLURAL[w];
  if (/[sxz]$/.test(w)) return w;
  return w + 's';
}

function enPlural(w) {
  if (Object.prototype.hasOwnProperty.call(EN_PLURAL, w)) return EN_PLURAL[w];
  if (/(ese|ss|sh|ch|ish|ic|s|x|z)$/.test(w)) return null;
  return w + 's';
}

// Split upstream demonyms like "Antiguan, Barbudan" or "Kittitian or Nevisian".
const splitDem = (s) => (s ? s.split(/\s*,\s*|\s+or\s+/).filter(Boolean) : []);

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

const SOVEREIGN_EXTRA = new Set(['TW', 'PS', 'XK', 'EH']);
const out = [];
const ids = new Set();
const allEnglishCapitals = new Set(countries.flatMap((c) => c.capital || []));
for (const k of Object.keys(CAPITAL_FR)) {
  if (!allEnglishCapitals.has(k)) throw new Error(`CAPITAL_FR key not an upstream capital: ${k}`);
}

for (const c of countries) {
  const iso2 = c.cca2;
  const native = new Set(Object.values(c.name.native || {}).flatMap((n) => [n.common, n.official]));
  const otherTranslations = new Set(
    Object.entries(c.translations).filter(([lang]) => lang !== 'fra')
      .flatMap(([, t]) => [t.common, t.official]),
  );
  const fra = c.translations.fra || {};
  const fraNames = new Set([fra.common, fra.official]);

  // English names
  const alts = (c.altSpellings || []).filter((s) =>
    !isCode(s) && !s.includes(',') && !native.has(s) && !fraNames.has(s)
    && !(otherTranslations.has(s) && s !== c.name.common) && isLatin1Name(s) && !ALT_DENY.has(s));
  let en = expandParens([c.name.common, c.name.official, ...alts, ...(NAMES_EN_EXTRA[iso2] || [])]);
  en = uniq(en);

  // French names
  const drop = new Set((NAMES_FR_DROP[iso2] || []).map(normApos));
  let fr = [fra.common, ...(NAMES_FR_EXTRA[iso2] || []), fra.official, ...(NAMES_FR_FIX[iso2] || [])]
    .filter(Boolean).map(normApos).filter((s) => !drop.has(s));
  fr = uniq(expandParens(fr));

  // Demonyms
  let demEn = [];
  if (DEMONYM_EN_REPLACE[iso2]) demEn = [...DEMONYM_EN_REPLACE[iso2]];
  else if (c.demonyms && c.demonyms.eng) demEn = [...splitDem(c.demonyms.eng.m), ...splitDem(c.demonyms.eng.f)];
  demEn.push(...(DEMONYM_EN_EXTRA[iso2] || []));
  demEn = uniq(demEn);
  demEn = uniq(demEn.flatMap((d) => [d, enPlural(d)]));

  let pairs;
  if (DEMONYM_FR_OVERRIDE[iso2]) pairs = DEMONYM_FR_OVERRIDE[iso2];
  else if (c.demonyms && c.demonyms.fra && (c.demonyms.fra.m || c.demonyms.fra.f)) {
    const ms = splitDem(c.demonyms.fra.m);
    const fs_ = splitDem(c.demonyms.fra.f);
    pairs = ms.map((m, i) => [m, fs_[i] || m]);
  } else pairs = [];
  const demFr = uniq(pairs.flatMap(([m, f]) => {
    const ml = m.toLowerCase();
    const fl = f.toLowerCase();
    return [ml, fl, frPlural(ml), frPlural(fl)];
  }));

  // Capitals
  let capEn = CAPITAL_EN_REPLACE[iso2] ? [...CAPITAL_EN_REPLACE[iso2]] : [...(c.capital || [])];
  const capFr = uniq([
    ...capEn.flatMap((k) => CAPITAL_FR[k] || [k]),
    ...(CAPITAL_FR_EXTRA[iso2] || []),
  ]);
  capEn = uniq([...capEn, ...(CAPITAL_EN_EXTRA[iso2] || [])]);

  const id = slug(c.name.common);
  if (ids.has(id)) throw new Error(`duplicate id ${id}`);
  ids.add(id);

  out.push({
    id,
    kind: 'country',
    iso2,
    iso3: c.cca3,
    sovereign: c.independent === true || SOVEREIGN_EXTRA.has(iso2),
    names: { en, fr },
    abbrevs: ABBREVS[iso2] || [],
    demonyms: { en: demEn, fr: demFr },
    capital: { en: capEn, fr: capFr },
    ambiguous: AMBIGUOUS[iso2] || [],
  });
}

out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
// One object per line keeps diffs readable and the file greppable.
const text = '[\n' + out.map((o) => '  ' + JSON.stringify(o)).join(',\n') + '\n]\n';
fs.writeFileSync(OUT, text);
console.log(`world-countries ${pkgVersion}: wrote ${out.length} entries to ${OUT} (${text.length} chars)`);
