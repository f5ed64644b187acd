#!/usr/bin/env python3
"""Writes a synthetic French/English news corpus of N megabytes, for throughput tests.

    scripts/gen_corpus.py --mb 100 --out /tmp/corpus            # a directory of .txt files
    scripts/gen_corpus.py --mb 100 --format jsonl --out c.jsonl  # one JSON object per line

Half the articles are French, half English, 2-6 KB of text each: a title line, a blank
line, then paragraphs whose sentences carry figures in every form (12 000 / 12.000 /
12,000, "des milliers de", "up to", ranges, percentages, dates, ages, money), attributions
("selon X", "X said"), hedges and place/leader names with their spelling variants
(Kyiv/Kiev, Koursk/Kursk, Zelensky/Zelenski/Zelenskyy...).

Why this shape: the text is only there to exercise recoupe's full pipeline at realistic
density, so every sentence is rendered from hand-written templates once, at start
(a few thousand variants per language and topic), and articles are then sampled from those
pools. Output is streamed (one article in memory at a time), runs at well over 50 MB/s,
and is deterministic for a seed: a smaller corpus is a prefix of a larger one with the
same seed. 1 MB = 1,000,000 bytes of output.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

FR_CITIES = [
    "Kyiv", "Kiev", "Kharkiv", "Kharkov", "Odessa", "Odesa", "Koursk", "Marioupol", "Donetsk",
    "Zaporijjia", "Gaza", "Rafah", "Khartoum", "El-Facher", "Beyrouth", "Damas", "Alep",
    "Port-au-Prince", "Paris", "Lyon", "Marseille", "Valence", "Bruxelles", "Genève", "Dacca",
    "Karachi", "Goma", "Bamako", "Niamey", "Tripoli", "Derna", "Calais", "Lampedusa", "Mayotte",
]
EN_CITIES = [
    "Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa", "Kursk", "Mariupol", "Donetsk", "Zaporizhzhia",
    "Gaza City", "Rafah", "Khartoum", "El Fasher", "Beirut", "Damascus", "Aleppo",
    "Port-au-Prince", "Paris", "Lyon", "Marseille", "Valencia", "Brussels", "Geneva", "Dhaka",
    "Karachi", "Goma", "Bamako", "Niamey", "Tripoli", "Derna", "Calais", "Lampedusa", "London",
]
# (bare with article, "in ...")
FR_COUNTRIES = [
    ("l'Ukraine", "en Ukraine"), ("la Russie", "en Russie"), ("le Soudan", "au Soudan"),
    ("le Liban", "au Liban"), ("la Syrie", "en Syrie"), ("Haïti", "en Haïti"),
    ("le Mali", "au Mali"), ("le Niger", "au Niger"), ("la RDC", "en RDC"),
    ("la République démocratique du Congo", "en République démocratique du Congo"),
    ("le Bangladesh", "au Bangladesh"), ("le Pakistan", "au Pakistan"), ("la Libye", "en Libye"),
    ("l'Espagne", "en Espagne"), ("la France", "en France"), ("la Belgique", "en Belgique"),
    ("Israël", "en Israël"), ("les États-Unis", "aux États-Unis"),
    ("le Royaume-Uni", "au Royaume-Uni"), ("la Turquie", "en Turquie"), ("l'Iran", "en Iran"),
]
EN_COUNTRIES = [
    "Ukraine", "Russia", "Sudan", "Lebanon", "Syria", "Haiti", "Mali", "Niger", "DR Congo",
    "the Democratic Republic of Congo", "Bangladesh", "Pakistan", "Libya", "Spain", "France",
    "Belgium", "Israel", "the United States", "Britain", "Turkey", "Iran",
]
FR_SOURCES = [
    "la police", "le ministère de l'Intérieur", "les autorités locales", "l'armée",
    "l'état-major ukrainien", "le ministère russe de la Défense", "l'ONU", "l'OMS",
    "Médecins sans frontières", "la Croix-Rouge", "le CICR", "la protection civile",
    "un responsable local", "un porte-parole de l'armée", "des sources hospitalières", "l'AFP",
    "l'agence Reuters", "le gouverneur régional", "la Banque mondiale", "le FMI", "le HCR",
    "l'Ocha", "la préfecture", "le parquet", "les services de secours", "la mairie",
    "un haut responsable sous couvert d'anonymat", "le ministère de la Santé",
]
EN_SOURCES = [
    "police", "the interior ministry", "local authorities", "the army", "Ukraine's general staff",
    "the Russian defence ministry", "the United Nations", "the World Health Organization",
    "the WHO", "Doctors Without Borders", "the Red Cross", "the ICRC", "civil protection officials",
    "a local official", "a military spokesperson", "hospital sources", "AFP", "Reuters",
    "the regional governor", "the World Bank", "the IMF", "the UNHCR", "OCHA", "prosecutors",
    "emergency services", "the mayor's office", "a senior official speaking on condition of anonymity",
    "the health ministry",
]
FR_SAID = ["a déclaré", "a affirmé", "a indiqué", "a annoncé", "a précisé", "a assuré", "a estimé"]
EN_SAID = ["said", "announced", "told reporters", "stated", "claimed", "confirmed", "estimated"]
FR_LEADERS_T = [
    "le président ukrainien, Volodymyr Zelensky", "le président ukrainien Volodymyr Zelenski",
    "le président russe, Vladimir Poutine", "le président français Emmanuel Macron",
    "le Premier ministre israélien, Benyamin Netanyahou", "le chancelier allemand Olaf Scholz",
    "le Premier ministre britannique, Keir Starmer", "le secrétaire général de l'ONU, Antonio Guterres",
    "le président américain Donald Trump", "le président turc Recep Tayyip Erdogan",
    "le chef de l'armée soudanaise, Abdel Fattah al-Burhane", "le président chinois Xi Jinping",
]
EN_LEADERS_T = [
    "Ukrainian President Volodymyr Zelensky", "Ukraine's president, Volodymyr Zelenskyy",
    "Russian President Vladimir Putin", "French President Emmanuel Macron",
    "Israeli Prime Minister Benjamin Netanyahu", "German Chancellor Olaf Scholz",
    "British Prime Minister Keir Starmer", "UN Secretary-General Antonio Guterres",
    "US President Donald Trump", "Turkish President Recep Tayyip Erdogan",
    "Sudan's army chief Abdel Fattah al-Burhan", "Chinese President Xi Jinping",
]
FR_LEADERS = [
    "Emmanuel Macron", "Vladimir Poutine", "Volodymyr Zelensky", "Volodymyr Zelenski",
    "Olaf Scholz", "Antonio Guterres", "Donald Trump", "Joe Biden", "Giorgia Meloni",
    "Pedro Sánchez", "Ursula von der Leyen", "Recep Tayyip Erdogan",
]
EN_LEADERS = [
    "Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelensky", "Volodymyr Zelenskyy",
    "Olaf Scholz", "Antonio Guterres", "Donald Trump", "Joe Biden", "Giorgia Meloni",
    "Pedro Sanchez", "Ursula von der Leyen", "Recep Tayyip Erdogan",
]
FR_NEAR = ["près de", "au nord de", "au sud-est de", "à l'ouest de", "aux abords de", "autour de"]
EN_NEAR = ["near", "north of", "southeast of", "west of", "on the outskirts of", "around"]
FR_BOUND = ["au moins", "plus de", "près de", "jusqu'à", "environ", "quelque", "moins de",
            "pas moins de", "un peu plus de", "au minimum"]
EN_BOUND = ["at least", "more than", "nearly", "up to", "about", "some", "fewer than",
            "no fewer than", "just over", "around"]
FR_VAGUE = ["des milliers de", "des centaines de", "plusieurs dizaines de", "une dizaine de",
            "des dizaines de milliers de", "plusieurs centaines de", "quelques dizaines de"]
EN_VAGUE = ["thousands of", "hundreds of", "dozens of", "tens of thousands of", "several hundred",
            "scores of", "a few dozen"]
FR_HEDGE = ["Selon des informations non confirmées", "D'après plusieurs témoins",
            "Selon toute vraisemblance", "D'après une source proche du dossier",
            "Selon des médias locaux", "Selon toute apparence"]
EN_HEDGE = ["According to unconfirmed reports", "According to several witnesses",
            "In all likelihood", "According to a source close to the matter",
            "According to local media", "Apparently"]
FR_PEOPLE = ["personnes", "civils", "habitants", "migrants", "manifestants", "réfugiés", "enfants"]
EN_PEOPLE = ["people", "civilians", "residents", "migrants", "protesters", "refugees", "children"]
FR_AGENCY = ["l'AFP", "Reuters", "l'Associated Press", "Belga", "l'ATS", "franceinfo", "Le Monde"]
EN_AGENCY = ["AFP", "Reuters", "The Associated Press", "the BBC", "CNN", "The Guardian"]
FR_POLL = ["Ifop", "Elabe", "Ipsos", "OpinionWay", "Odoxa"]
EN_POLL = ["YouGov", "Ipsos", "Gallup", "Pew", "Savanta"]
FR_FIRM = ["Deloitte", "McKinsey", "Xerfi", "Asterès", "BCG"]
EN_FIRM = ["Deloitte", "McKinsey", "Oxford Economics", "Capital Economics", "BCG"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_WORDS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf", "vingt"]
EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty"]

# ---------------------------------------------------------------------------------------
# Templates: {slot} fields are filled afresh at each use (see Filler).
# ---------------------------------------------------------------------------------------

FR_TEMPLATES = {
    "conflict": [
        "{bound} {n} personnes ont été tuées {date} dans une frappe sur {city}, selon {src}.",
        "{src} {said} que {nsm} drones avaient été abattus dans la nuit au-dessus de la région de {city}.",
        "L'armée affirme avoir repris {small} localités {near} {city}, une information qui n'a pas pu être vérifiée de manière indépendante.",
        "{vague} soldats auraient été tués ou blessés depuis le début de l'offensive, selon des estimations occidentales.",
        "Les combats ont fait {range} morts parmi les civils {date}, a annoncé {src}.",
        "{leader_t} {said} que son pays ne céderait « pas un mètre carré » de territoire.",
        "Selon {src}, {nsm} missiles et {n} drones ont été lancés contre {country} au cours de la semaine.",
        "Un immeuble de {floors} étages s'est effondré à {city} après une frappe, faisant {bound} {small} morts.",
        "{src} fait état de {nsm} prisonniers échangés {date}, le plus important échange depuis {month_year}.",
        "D'après un bilan provisoire, {small} enfants figurent parmi les victimes.",
        "Les forces russes auraient progressé de {km_range} kilomètres dans la région de {kursk}, selon des blogueurs militaires.",
        "Le front s'étend désormais sur plus de {km} kilomètres, a rappelé {src}.",
        "Plus de {pct} des infrastructures énergétiques de {country} ont été endommagées, selon {src}.",
    ],
    "disaster": [
        "Les inondations ont fait {bound} {n} morts {in_country}, a annoncé {src} {date}.",
        "{vague} habitants ont été évacués {near} {city} après la rupture d'une digue.",
        "Le séisme, d'une magnitude de {mag}, s'est produit {date} à {small} kilomètres de profondeur, selon l'institut géologique américain USGS.",
        "Les secours ont retiré {small} survivants des décombres, dont une fillette de {child} ans.",
        "Le bilan pourrait encore s'alourdir, {small} personnes étant toujours portées disparues, selon {src}.",
        "{pct} des habitations du district ont été détruites ou gravement endommagées, d'après {src}.",
        "Il est tombé jusqu'à {mm} millimètres de pluie en {small} heures, du jamais-vu depuis {year}.",
        "Un homme de {adult} ans a été retrouvé mort dans sa voiture emportée par les eaux, a précisé la préfecture.",
        "Les dégâts sont estimés à {money}, selon une première évaluation des assureurs.",
        "{n} pompiers et secouristes sont mobilisés, a indiqué {src} lors d'un point presse.",
        "L'incendie a déjà parcouru {range} hectares et menace {small} villages, selon la protection civile.",
        "{src} estime que {bound} {n} personnes ont besoin d'une aide humanitaire d'urgence {in_country}.",
    ],
    "economy": [
        "L'inflation a atteint {pct} sur un an en {month}, selon les chiffres publiés {date} par l'Insee.",
        "Le chômage a reculé à {pct} au troisième trimestre, a annoncé {src}.",
        "Le gouvernement prévoit un plan d'aide de {money} pour les entreprises touchées.",
        "{src} a relevé sa prévision de croissance pour {country} à {pct} en {year}.",
        "Les prix de l'énergie ont bondi de {pct} en un an, selon Eurostat.",
        "Près de {n} emplois pourraient être supprimés d'ici {year}, selon une étude du cabinet {firm}.",
        "Le déficit public devrait atteindre {pct} du PIB cette année, contre {pct} l'an dernier.",
        "Les exportations de céréales ont chuté {pct_range} depuis {month_year}, a indiqué {src}.",
        "Le salaire minimum passera à {n} euros brut par mois au 1er janvier, a confirmé le ministre du Travail.",
        "La dette du groupe s'élève désormais à {money}, a reconnu son directeur financier.",
        "Les ventes ont progressé de {pct} au premier semestre, à {money}.",
        "Quelque {n} foyers n'ont plus accès à l'électricité, selon l'opérateur national.",
    ],
    "politics": [
        "{leader_t} {said} {date} que des élections se tiendraient « au plus tard » en {year}.",
        "Le parti au pouvoir a obtenu {pct} des voix, contre {pct} pour l'opposition, selon les résultats officiels.",
        "La participation s'est établie à {pct}, en hausse de {small} points par rapport au précédent scrutin.",
        "{src} {said} que {n} bulletins avaient été invalidés dans {small} bureaux de vote.",
        "Le Parlement a adopté le texte par {n} voix contre {n}.",
        "Selon un sondage {poll} publié {date}, {pct} des personnes interrogées jugent la situation « préoccupante ».",
        "{leader_t} doit se rendre à {city} {date} pour une visite de {small} jours.",
        "Le sommet réunira les dirigeants de {small} pays, a annoncé {src}.",
        "Âgé de {adult} ans, le candidat de l'opposition a promis de créer {n} emplois.",
        "Le président {zelensky} a rencontré {leader} à {kyiv}, selon la présidence ukrainienne.",
        "Moscou a expulsé {small} diplomates, a indiqué le ministère russe des Affaires étrangères.",
        "Il semble que {bound} {small} députés de la majorité s'apprêtent à voter contre le texte.",
    ],
    "health": [
        "L'OMS a recensé {n} cas de choléra {in_country} depuis le début de l'année, dont {n} décès.",
        "Le taux de vaccination a atteint {pct} chez les plus de {senior} ans, selon {src}.",
        "{vague} patients attendent une opération, a affirmé le syndicat des médecins hospitaliers.",
        "Les hôpitaux de {city} fonctionnent à {pct} de leur capacité, selon Médecins sans frontières.",
        "Une femme de {adult} ans est décédée après avoir contracté le virus, a indiqué l'agence régionale de santé.",
        "Le nombre de consultations pour grippe a augmenté de {pct} en une semaine, selon Santé publique France.",
        "{src} estime que {range} personnes pourraient être infectées d'ici la fin du mois.",
        "Quelque {n} doses de vaccin doivent être livrées {date}, a annoncé le ministère de la Santé.",
        "Environ {pct} des centres de santé de la région ne sont plus fonctionnels, selon l'OMS.",
        "Le gouvernement débloque {money} pour recruter {n} infirmiers d'ici {year}.",
    ],
    "society": [
        "Selon la police, {range} personnes ont manifesté {date} à {city}, les organisateurs en revendiquant {n}.",
        "{n} manifestants ont été interpellés, a annoncé la préfecture de police.",
        "{vague} migrants ont traversé la Manche depuis le début de l'année, selon le ministère de l'Intérieur.",
        "Plus de {n} réfugiés ont franchi la frontière {date}, selon le HCR.",
        "Un adolescent de {teen} ans a été blessé lors des heurts, a précisé {src}.",
        "La grève est suivie par {pct} des enseignants selon le ministère, {pct} selon les syndicats.",
        "{src} {said} que {n} personnes avaient été déplacées par les violences {in_country}.",
        "Les organisateurs attendent jusqu'à {n} participants pour la marche de samedi.",
        "{small} policiers ont été légèrement blessés, selon un bilan communiqué {date}.",
        "Le camp accueille désormais {bound} {n} {people}, pour une capacité de {n} places, a alerté {src}.",
        "Au moins {small} embarcations ont été interceptées au large de {city}, selon les garde-côtes.",
        "Près de {n} personnes vivent sans abri à {city}, d'après le dernier recensement.",
    ],
    "any": [
        "{hedge}, le bilan réel serait nettement plus élevé.",
        "Ces chiffres n'ont pas pu être vérifiés de source indépendante.",
        "{src} a démenti toute implication, évoquant une « provocation ».",
        "{src} n'a pas confirmé ces informations dans l'immédiat.",
        "Le bilan, qui reste provisoire, pourrait être revu à la hausse dans les prochains jours.",
        "Interrogé par {agency}, un responsable a assuré que « la situation est sous contrôle ».",
        "{hedge}, {bound} {n} {people} seraient dans le besoin.",
    ],
}

EN_TEMPLATES = {
    "conflict": [
        "{bound} {n} people were killed {date} in a strike on {city}, according to {src}.",
        "{src} {said} that {nsm} drones had been shot down overnight over the {city} region.",
        "The army says it has retaken {small} villages {near} {city}, a claim that could not be independently verified.",
        "{vague} soldiers have reportedly been killed or wounded since the offensive began, according to Western estimates.",
        "The fighting killed {range} civilians {date}, {src} said.",
        "{leader_t} {said} his country would not give up \"a single square metre\" of territory.",
        "According to {src}, {nsm} missiles and {n} drones were launched at {country} during the week.",
        "A {floors}-storey apartment block collapsed in {city} after a strike, killing {bound} {small} people.",
        "{src} reported that {nsm} prisoners were exchanged {date}, the largest swap since {month_year}.",
        "According to a preliminary toll, {small} children are among the dead.",
        "Russian forces have advanced {km_range} kilometres in the {kursk} region, according to military bloggers.",
        "The front line now stretches for more than {km} kilometres, {src} said.",
        "More than {pct} of {country}'s energy infrastructure has been damaged, according to {src}.",
    ],
    "disaster": [
        "The floods have killed {bound} {n} people {in_country}, {src} said {date}.",
        "{vague} residents were evacuated {near} {city} after a levee burst.",
        "The magnitude {mag} earthquake struck {date} at a depth of {small} kilometres, according to the US Geological Survey.",
        "Rescuers pulled {small} survivors from the rubble, including a {child}-year-old girl.",
        "The toll could rise further, with {small} people still missing, according to {src}.",
        "{pct} of homes in the district were destroyed or badly damaged, {src} said.",
        "Up to {mm} millimetres of rain fell in {small} hours, the most since {year}.",
        "A man aged {adult} was found dead in his car after it was swept away by floodwater, officials said.",
        "Damage is estimated at {money}, according to a first assessment by insurers.",
        "{n} firefighters and rescue workers have been deployed, {src} told a news conference.",
        "The wildfire has already burned {range} hectares and threatens {small} villages, officials said.",
        "{src} estimates that {bound} {n} people need emergency humanitarian aid {in_country}.",
    ],
    "economy": [
        "Inflation reached {pct} year on year in {month}, according to figures released {date}.",
        "Unemployment fell to {pct} in the third quarter, {src} announced.",
        "The government is planning a {money} aid package for affected businesses.",
        "{src} raised its growth forecast for {country} to {pct} in {year}.",
        "Energy prices jumped {pct} in a year, according to Eurostat.",
        "Nearly {n} jobs could be cut by {year}, according to a study by {firm}.",
        "The budget deficit is expected to reach {pct} of GDP this year, up from {pct} last year.",
        "Grain exports have fallen {pct_range} since {month_year}, {src} said.",
        "The minimum wage will rise to {n} pounds a month from January 1, the labour minister confirmed.",
        "The group's debt now stands at {money}, its chief financial officer acknowledged.",
        "Sales grew {pct} in the first half to {money}.",
        "Some {n} households have lost power, according to the national grid operator.",
    ],
    "politics": [
        "{leader_t} {said} {date} that elections would be held \"no later than\" {year}.",
        "The ruling party won {pct} of the vote against {pct} for the opposition, according to official results.",
        "Turnout was {pct}, up {small} points from the previous election.",
        "{src} {said} that {n} ballots had been declared invalid at {small} polling stations.",
        "Parliament passed the bill by {n} votes to {n}.",
        "In a {poll} poll published {date}, {pct} of respondents described the situation as \"worrying\".",
        "{leader_t} is due to travel to {city} {date} for a {small}-day visit.",
        "The summit will bring together leaders from {small} countries, {src} announced.",
        "The {adult}-year-old opposition candidate has promised to create {n} jobs.",
        "President {zelensky} met {leader} in {kyiv}, according to his office.",
        "Moscow expelled {small} diplomats, the Russian foreign ministry said.",
        "It appears that {bound} {small} ruling party lawmakers are preparing to vote against the bill.",
    ],
    "health": [
        "The WHO has recorded {n} cholera cases {in_country} since the start of the year, including {n} deaths.",
        "Vaccination coverage has reached {pct} among people over {senior}, according to {src}.",
        "{vague} patients are waiting for surgery, the hospital doctors' union said.",
        "Hospitals in {city} are operating at {pct} of capacity, according to Doctors Without Borders.",
        "A {adult}-year-old woman has died after contracting the virus, health officials said.",
        "Flu consultations rose {pct} in a week, according to the national health agency.",
        "{src} estimates that {range} people could be infected by the end of the month.",
        "Some {n} vaccine doses are due to be delivered {date}, the health ministry announced.",
        "About {pct} of health centres in the region are no longer functioning, according to the WHO.",
        "The government is releasing {money} to recruit {n} nurses by {year}.",
    ],
    "society": [
        "Police said {range} people marched in {city} {date}, while organisers claimed {n}.",
        "{n} protesters were arrested, police said.",
        "{vague} migrants have crossed the Channel since the start of the year, according to the Home Office.",
        "More than {n} refugees crossed the border {date}, according to the UNHCR.",
        "A {teen}-year-old boy was injured in the clashes, {src} said.",
        "The strike was observed by {pct} of teachers according to the ministry, and {pct} according to unions.",
        "{src} {said} that {n} people had been displaced by the violence {in_country}.",
        "Organisers expect up to {n} people to join Saturday's march.",
        "{small} police officers were slightly injured, according to a toll released {date}.",
        "The camp now houses {bound} {n} {people}, with capacity for {n}, {src} warned.",
        "At least {small} boats were intercepted off {city}, according to the coast guard.",
        "Nearly {n} people are homeless in {city}, according to the latest count.",
    ],
    "any": [
        "{hedge}, the real toll is significantly higher.",
        "These figures could not be independently verified.",
        "{src} denied any involvement, calling it a \"provocation\".",
        "{src} did not immediately confirm the reports.",
        "The toll, which remains provisional, could be revised upwards in the coming days.",
        "Speaking to {agency}, an official insisted that \"the situation is under control\".",
        "{hedge}, {bound} {n} {people} may have been affected.",
    ],
}

FR_TITLES = {
    "conflict": ["{city} : {bound} {n} morts dans une frappe nocturne",
                 "Guerre : {src} annonce la reprise de {small} villages",
                 "{zelensky} réclame davantage de défense antiaérienne après l'attaque sur {city}",
                 "Région de {kursk} : les combats s'intensifient"],
    "disaster": ["Inondations {in_country} : le bilan monte à {n} morts",
                 "Séisme de magnitude {mag} : des milliers de sans-abri",
                 "Incendie : {range} hectares partis en fumée",
                 "{city} : {vague} habitants évacués"],
    "economy": ["L'inflation à {pct} en {month}", "Un plan d'aide de {money} pour les entreprises",
                "Le chômage recule à {pct}", "{n} emplois menacés d'ici {year}"],
    "politics": ["Élections : le parti au pouvoir en tête avec {pct} des voix",
                 "{leader} attendu à {city} {date}",
                 "Le Parlement adopte la réforme par {n} voix contre {n}",
                 "Sondage : {pct} des Français inquiets"],
    "health": ["Choléra : {n} cas recensés {in_country}", "Grippe : les consultations en hausse de {pct}",
               "Hôpitaux : {vague} patients en attente", "Vaccination : {n} doses livrées {date}"],
    "society": ["Manifestations : {n} personnes dans les rues de {city}",
                "Migrants : {vague} traversées depuis janvier", "Grève : {pct} des enseignants mobilisés",
                "{city} : {small} policiers blessés lors de heurts"],
}
EN_TITLES = {
    "conflict": ["{city}: {bound} {n} killed in overnight strike",
                 "War: {src} says {small} villages retaken",
                 "{zelensky} calls for more air defence after attack on {city}",
                 "Fighting intensifies in {kursk} region"],
    "disaster": ["Floods {in_country}: death toll rises to {n}",
                 "Magnitude {mag} quake leaves thousands homeless",
                 "Wildfire burns {range} hectares", "{city}: {vague} residents evacuated"],
    "economy": ["Inflation hits {pct} in {month}", "{money} aid package for businesses",
                "Unemployment falls to {pct}", "{n} jobs at risk by {year}"],
    "politics": ["Election: ruling party leads with {pct} of the vote",
                 "{leader} expected in {city} {date}",
                 "Parliament passes reform by {n} votes to {n}",
                 "Poll: {pct} of voters worried"],
    "health": ["Cholera: {n} cases recorded {in_country}", "Flu consultations up {pct}",
               "Hospitals: {vague} patients waiting", "Vaccination: {n} doses delivered {date}"],
    "society": ["Protests: {n} take to the streets of {city}",
                "Migrants: {vague} crossings since January", "Strike: {pct} of teachers walk out",
                "{city}: {small} police officers injured in clashes"],
}

# ---------------------------------------------------------------------------------------
# Slot filling
# ---------------------------------------------------------------------------------------


def group(v, sep):
    s = str(v)
    out = []
    while len(s) > 3:
        out.append(s[-3:])
        s = s[:-3]
    out.append(s)
    return sep.join(reversed(out))


class Filler(dict):
    """A format_map mapping that invents a fresh value for every slot it is asked for."""

    def __init__(self, rng, lang):
        super().__init__()
        self.r = rng
        self.fr = lang == "fr"

    def __missing__(self, key):
        return getattr(self, "s_" + key)()

    # numbers -------------------------------------------------------------------------
    def num(self, v):
        r, fr = self.r, self.fr
        if v <= 20 and r.random() < 0.3:
            return (FR_WORDS if fr else EN_WORDS)[v]
        if v >= 1_000_000 and r.random() < 0.7:
            m = round(v / 1_000_000, 1)
            txt = (f"{m:g}".replace(".", ",") if fr else f"{m:g}")
            if fr:
                return txt + (" millions" if m >= 2 else " million")
            return txt + " million"
        if v < 1000:
            return str(v)
        x = r.random()
        if fr:
            if x < 0.45:
                return group(v, " ")
            if x < 0.55:
                return group(v, "\u00a0")
            if x < 0.65:
                return group(v, "\u202f")
            if x < 0.85:
                return group(v, ".")
            return str(v)
        if x < 0.75:
            return group(v, ",")
        if x < 0.9:
            return str(v)
        return group(v, " ")

    def count(self, lo=0.3, hi=5.3):
        v = int(10 ** self.r.uniform(lo, hi))
        if v > 100 and self.r.random() < 0.6:  # news figures are mostly round
            mag = 10 ** (len(str(v)) - 2)
            v = max(mag, v // mag * mag)
        return max(v, 2)

    def s_n(self):
        return self.num(self.count(0.3, 6.5 if self.r.random() < 0.05 else 5.3))

    def s_small(self):
        return self.num(self.r.randint(2, 60))

    def s_age(self):
        return str(self.r.randint(1, 95))

    def s_child(self):
        return str(self.r.randint(2, 12))

    def s_teen(self):
        return str(self.r.randint(13, 19))

    def s_adult(self):
        return str(self.r.randint(19, 92))

    def s_senior(self):
        return str(self.r.choice([50, 60, 65, 70, 75, 80]))

    def s_km(self):
        return self.num(self.r.choice([self.r.randint(5, 90), self.r.randint(10, 150) * 10]))

    def s_km_range(self):
        a = self.r.randint(1, 20)
        b = a + self.r.randint(1, 15)
        if self.fr:
            return f"de {a} à {b}" if self.r.random() < 0.5 else f"entre {a} et {b}"
        return f"{a} to {b}" if self.r.random() < 0.6 else f"between {a} and {b}"

    def s_mm(self):
        return str(self.r.randint(40, 600))

    def s_floors(self):
        return self.num(self.r.randint(2, 16))

    def s_nsm(self):
        return self.num(self.count(0.3, 2.7))

    def s_year(self):
        return str(self.r.randint(2015, 2027))

    def s_mag(self):
        m = f"{self.r.uniform(4.0, 8.4):.1f}"
        return m.replace(".", ",") if self.fr else m

    def s_bound(self):
        return self.r.choice(FR_BOUND if self.fr else EN_BOUND)

    def s_vague(self):
        return self.r.choice(FR_VAGUE if self.fr else EN_VAGUE)

    def pct_value(self):
        r = self.r
        v = r.uniform(0.5, 95) if r.random() < 0.8 else r.uniform(0.1, 9.9)
        if r.random() < 0.5:
            return str(int(v))
        s = f"{v:.1f}"
        return s.replace(".", ",") if self.fr else s

    def s_pct(self):
        v, x = self.pct_value(), self.r.random()
        if self.fr:
            return v + (" %" if x < 0.5 else "\u00a0%" if x < 0.7 else "%" if x < 0.85 else " pour cent")
        return v + ("%" if x < 0.8 else " percent" if x < 0.92 else " per cent")

    def s_range(self):
        r = self.r
        a = self.count(0.5, 4.5)
        b = int(a * r.uniform(1.2, 2.5))
        if a >= 100:
            mag = 10 ** (len(str(a)) - 2)
            b = max(a + mag, b // mag * mag)
        a, b = self.num(a), self.num(b)
        x = r.random()
        if self.fr:
            return (f"entre {a} et {b}" if x < 0.4 else f"de {a} à {b}" if x < 0.7
                    else f"{a} à {b}" if x < 0.9 else f"{a}-{b}")
        return (f"between {a} and {b}" if x < 0.4 else f"{a} to {b}" if x < 0.8 else f"{a}-{b}")

    def s_pct_range(self):
        r = self.r
        a = r.randint(2, 30)
        b = a + r.randint(2, 20)
        x = r.random()
        if self.fr:
            return f"de {a} à {b} %" if x < 0.6 else f"d'entre {a} et {b} %"
        return f"{a} to {b}%" if x < 0.4 else f"by between {a}% and {b}%" if x < 0.7 else f"{a}-{b}%"

    def s_money(self):
        r = self.r
        x = r.random()
        cur_fr = r.choice(["d'euros", "de dollars", "de francs CFA", "de livres"])
        cur_en = r.choice([("$", ""), ("€", ""), ("£", ""), ("", " euros"), ("", " dollars")])
        if x < 0.7:
            m = round(r.uniform(1.1, 950), 1 if r.random() < 0.5 else 0)
            unit_fr = r.choice(["million", "milliard"])
            unit_en = "million" if unit_fr == "million" else "billion"
            txt = f"{m:g}"
            if self.fr:
                plural = "s" if m >= 2 else ""
                return f"{txt.replace('.', ',')} {unit_fr}{plural} {cur_fr}"
            return f"{cur_en[0]}{txt} {unit_en}{cur_en[1]}"
        v = self.count(3, 6)
        if self.fr:
            return f"{self.num(v)} {cur_fr[3:] if cur_fr.startswith('de ') else cur_fr[2:]}"
        return f"{cur_en[0]}{self.num(v)}{cur_en[1]}"

    # dates ---------------------------------------------------------------------------
    def s_date(self):
        r = self.r
        x = r.random()
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2023, 2026)
        if self.fr:
            day = r.choice(FR_DAYS)
            mo = FR_MONTHS[m - 1]
            dd = "1er" if d == 1 else str(d)
            if x < 0.25:
                return day
            if x < 0.35:
                return f"{day} {r.choice(['matin', 'soir', 'après-midi'])}"
            if x < 0.42:
                return f"dans la nuit de {day} à {FR_DAYS[(FR_DAYS.index(day) + 1) % 7]}"
            if x < 0.65:
                return f"le {dd} {mo}"
            if x < 0.8:
                return f"le {dd} {mo} {y}"
            if x < 0.88:
                return f"le {d:02d}/{m:02d}/{y}"
            if x < 0.94:
                return f"{day} {dd} {mo}"
            return r.choice(["hier", "la semaine dernière", "ce week-end", "mardi dernier"])
        day = r.choice(EN_DAYS)
        mo = EN_MONTHS[m - 1]
        if x < 0.3:
            return f"on {day}"
        if x < 0.4:
            return f"on {day} {r.choice(['morning', 'night', 'afternoon'])}"
        if x < 0.6:
            return f"on {mo} {d}"
        if x < 0.72:
            return f"on {d} {mo} {y}"
        if x < 0.82:
            return f"on {mo} {d}, {y}"
        if x < 0.87:
            return f"on {m}/{d}/{y}"
        return r.choice(["overnight", "yesterday", "last week", "late on Friday", "this weekend"])

    def s_month(self):
        return self.r.choice(FR_MONTHS if self.fr else EN_MONTHS)

    def s_month_year(self):
        return f"{self.s_month()} {self.r.randint(2019, 2025)}"

    # places, people, sources ----------------------------------------------------------
    def s_city(self):
        return self.r.choice(FR_CITIES if self.fr else EN_CITIES)

    def s_kyiv(self):
        return self.r.choice(["Kyiv", "Kiev", "Kyïv"] if self.fr else ["Kyiv", "Kiev"])

    def s_kursk(self):
        return self.r.choice(["Koursk", "Kursk"] if self.fr else ["Kursk", "Koursk"])

    def s_zelensky(self):
        return self.r.choice(["Zelensky", "Zelenski", "Volodymyr Zelensky", "Volodymyr Zelenski"]
                             if self.fr else ["Zelensky", "Zelenskyy", "Volodymyr Zelensky"])

    def s_country(self):
        return self.r.choice(FR_COUNTRIES)[0] if self.fr else self.r.choice(EN_COUNTRIES)

    def s_in_country(self):
        return self.r.choice(FR_COUNTRIES)[1] if self.fr else "in " + self.r.choice(EN_COUNTRIES)

    def s_near(self):
        return self.r.choice(FR_NEAR if self.fr else EN_NEAR)

    def s_src(self):
        return self.r.choice(FR_SOURCES if self.fr else EN_SOURCES)

    def s_said(self):
        return self.r.choice(FR_SAID if self.fr else EN_SAID)

    def s_leader(self):
        return self.r.choice(FR_LEADERS if self.fr else EN_LEADERS)

    def s_leader_t(self):
        return self.r.choice(FR_LEADERS_T if self.fr else EN_LEADERS_T)

    def s_hedge(self):
        return self.r.choice(FR_HEDGE if self.fr else EN_HEDGE)

    def s_people(self):
        return self.r.choice(FR_PEOPLE if self.fr else EN_PEOPLE)

    def s_agency(self):
        return self.r.choice(FR_AGENCY if self.fr else EN_AGENCY)

    def s_poll(self):
        return self.r.choice(FR_POLL if self.fr else EN_POLL)

    def s_firm(self):
        return self.r.choice(FR_FIRM if self.fr else EN_FIRM)


# French contractions the templates cannot spell out ("de le ministère", "que au moins").
FR_FIXES = [
    (re.compile(r"\b([dD])e le\b"), r"\1u"),
    (re.compile(r"\b([dD])e les\b"), r"\1es"),
    (re.compile(r"\b([àÀ]) le\b"), "au"),
    (re.compile(r"\b([àÀ]) les\b"), "aux"),
    (re.compile(r"\b([dD])e (?!onze)([aeiouéèêAEIOUÉÈÊ])"), r"\1'\2"),
    (re.compile(r"\b([qQ])ue ([aeiouéèêAEIOUÉÈÊ])"), r"\1u'\2"),
]


def render(template, filler):
    s = template.format_map(filler)
    if filler.fr:
        for pat, rep in FR_FIXES:
            s = pat.sub(rep, s)
    return s[0].upper() + s[1:]


# ---------------------------------------------------------------------------------------
# Pools and articles
# ---------------------------------------------------------------------------------------

SENTENCE_VARIANTS = 40  # per template
PARAGRAPHS = 1500       # per language and topic
MAX_PARA = 760          # bytes, so that an article overshoots its target by little


def json_body(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


class Pools:
    """Everything sampled at write time, as UTF-8 bytes (raw and JSON-escaped)."""

    def __init__(self, rng):
        self.langs = {}
        for lang, tpls, titles in (("fr", FR_TEMPLATES, FR_TITLES), ("en", EN_TEMPLATES, EN_TITLES)):
            f = Filler(rng, lang)
            rendered = {topic: [[render(t, f) for _ in range(SENTENCE_VARIANTS)] for t in ts]
                        for topic, ts in tpls.items()}
            generic = rendered.pop("any")
            others = [v for vs in rendered.values() for v in vs]
            topics = {}
            for topic, own in rendered.items():
                paras = []
                while len(paras) < PARAGRAPHS:
                    picks = rng.sample(own, rng.randint(2, 4))
                    if rng.random() < 0.3:
                        picks.append(rng.choice(others))
                    if rng.random() < 0.35:
                        picks.insert(rng.randrange(len(picks) + 1), rng.choice(generic))
                    p = " ".join(rng.choice(v) for v in picks)
                    if len(p.encode()) <= MAX_PARA:
                        paras.append(p)
                heads = [render(t, f) for t in titles[topic] for _ in range(SENTENCE_VARIANTS)]
                lines = [self.dateline(rng, lang) for _ in range(200)]
                topics[topic] = (
                    [(p.encode(), json_body(p).encode()) for p in paras],
                    [(h.encode(), json_body(h).encode()) for h in heads],
                    [(d.encode(), json_body(d).encode()) for d in lines],
                )
            self.langs[lang] = topics

    @staticmethod
    def dateline(rng, lang):
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        if lang == "fr":
            city = rng.choice(FR_CITIES)
            ag = rng.choice(["AFP", "Reuters", "AP", "Belga"])
            return f"{city.upper()}, {d} {FR_MONTHS[m - 1]} ({ag}) - " if rng.random() < 0.5 \
                else f"{city} ({ag}) - "
        city = rng.choice(EN_CITIES)
        ag = rng.choice(["Reuters", "AP", "AFP"])
        return f"{city.upper()}, {EN_MONTHS[m - 1]} {d} ({ag}) - " if rng.random() < 0.5 \
            else f"{city} ({ag}) - "


def articles(seed):
    """Yields (index, lang, title, body, published) with title/body as (raw, json) bytes pairs."""
    rng = random.Random(seed)
    pools = Pools(rng)
    topics = sorted(pools.langs["fr"])
    day0 = datetime.date(2024, 1, 1).toordinal()
    i = 0
    while True:
        lang = "fr" if i % 2 == 0 else "en"
        paras, heads, lines = pools.langs[lang][rng.choice(topics)]
        target = rng.randint(2048, 5300)
        title = rng.choice(heads)
        raw, js = [], []
        size = len(title[0]) + 2
        if rng.random() < 0.5:
            d = rng.choice(lines)
            p = rng.choice(paras)  # may recur below: rare, and harmless
            raw.append(d[0] + p[0])
            js.append(d[1] + p[1])
            size += len(raw[-1]) + 2
        used = set()
        while size < target:
            k = rng.randrange(len(paras))
            if k in used:
                continue
            used.add(k)
            p = paras[k]
            raw.append(p[0])
            js.append(p[1])
            size += len(p[0]) + 2
        published = datetime.date.fromordinal(day0 + rng.randrange(1035)).isoformat()
        yield i, lang, title, (b"\n\n".join(raw), b"\\n\\n".join(js)), published
        i += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, required=True, help="megabytes (10^6 bytes) to write")
    ap.add_argument("--out", required=True, help="directory (txt) or file (jsonl); '-' = stdout for jsonl")
    ap.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    limit = int(a.mb * 1_000_000)
    written = n = 0
    gen = articles(a.seed)
    if a.format == "jsonl":
        out = sys.stdout.buffer if a.out == "-" else open(a.out, "wb", buffering=1 << 20)
        with out:
            for i, lang, title, body, published in gen:
                if written >= limit:
                    break
                line = b'{"id": "%s-%08d", "title": "%s", "text": "%s", "published": "%s", "language": "%s"}\n' % (
                    lang.encode(), i, title[1], body[1], published.encode(), lang.encode())
                out.write(line)
                written += len(line)
                n += 1
    else:
        os.makedirs(a.out, exist_ok=True)
        shard = None
        for i, lang, title, body, published in gen:
            if written >= limit:
                break
            if i % 1000 == 0:
                shard = os.path.join(a.out, f"{i // 1000:05d}")
                os.makedirs(shard, exist_ok=True)
            data = title[0] + b"\n\n" + body[0] + b"\n"
            with open(os.path.join(shard, f"{i:08d}-{lang}.txt"), "wb") as fh:
                fh.write(data)
            written += len(data)
            n += 1
    print(f"gen_corpus: {n} articles, {written} bytes ({written / 1e6:.1f} MB) -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
