/**
 * The built-in example: Bilag 1 "Udmøntning af midler til nationale og tværregionale projekter"
 * (the annex of a political case, Bilag 1), its three pools and lines with the figures of docs/domain.md, and the
 * annex's prose as descriptions. Amounts here are in thousands of kroner, as in the annex.
 */
import type { Light, LightField, Phase, PoolKind, RiskActivityKind, RiskProfile } from '../../shared/domain/project';

export interface ExampleLine {
  name: string;
  amounts: Record<number, number>;
  description: string;
  subLines?: ExampleLine[];
}
export interface ExamplePool {
  name: string;
  description: string;
  lines: ExampleLine[];
}

export const EXAMPLE_TITLE = 'Bilag 1. Udmøntning af midler til nationale og tværregionale projekter';
export const EXAMPLE_REGION = 'RM' as const;
export const EXAMPLE_YEARS = [2022, 2023];

const text = {
  lpr: 'Landspatientregisteret indeholder data om danskernes kontakter med sundhedsvæsenet (primært sygehusene) og er sundhedsvæsenets mest centrale register. Det er bl.a. patientens oplysninger, kontekstvalg, henvisning/bookning, diagnoseregistrering, sygdomsforløb samt virtuelle kontakter.\n\nLPR3 er igangsat af for bl.a. at sikre en logisk datastruktur og gøre data i Landspatientregisteret lettere tilgængelig i forbindelse med fx statistik og forskning, har idriftsat en ny version af Landspatientregistret benævnt. LPR3 ID3 er næste udviklingsprojekt.\n\nDen foreslåede prioritering af midler, vedrører Region Midtjyllands integration til nationalt LPR3 ID3. Integrationen for Region Midtjylland består af softwareudvikling i regionens egne systemer, så de kan understøtte det nye landspatientregister.',
  ecpr: 'Den digitale løsning til erstatnings-CPR-numre, eCPR, gør det muligt digitalt at registrere borgerens sundhedsoplysninger på et unikt og blivende nummer.\n\nSundhedsdatastyrelsen har udviklet det nationale eCPR-register. Formålet med registeret er at skabe et unikt nationalt erstatnings-CPR-nummer, som på samme måde som det almindelige CPR-nummer kan anvendes i sundhedssektorens it-systemer ved registrering af patientdata i regionernes EPJ-systemer, i lægepraksissystemer og i nationale systemer og registre.\n\nDen foreslåede prioritering af midler, vedrører Region Midtjyllands integration til nationalt eCPR. Integrationen for Region Midtjylland består af softwareudvikling i regionens egne systemer, så de kan understøtte eCPR.',
  rsi: 'Regionernes Sundheds it (RSI) har til hensigt at styrke den fælles retning, strategi og indsats i forhold til digitalisering, data, teknologier og innovation på sundhedsområdet i bred forstand.\n\nGennem RSI samarbejder regionerne om en række fælles digitaliseringsprojekter og ejer en fælles projektportefølje, som bidrager til at skabe mere sammenhæng på tværs af Danmark og sikre mere sundhed for pengene.',
  kiit: 'KIIT er ét blodbanks-IT system til blodbanker med tilhørende tappesteder (stationære og mobile) i Blodcenter Midt. Løsningen skal øge kvaliteten af den tværregionale patientbehandling i akutte og kroniske forløb, reducere tværregionale ulemper for donorer, personale og forskere samt reducere omkostninger til anskaffelse og vedligeholdelse af KIIT.\n\nForanalysen omhandler anskaffelsen af et Klinisk Immunologisk IT-system (KIIT; Løsningen) til de danske regioners kliniske immunologiske funktioner, dvs. håndteringen af substances of human origine (SoHOs). Målet er en standardløsning der understøtter relevant national og EU- lovgivning og løbende udvikles i et samarbejde mellem leverandøren og kunden.\n\nAnskaffelsen gennemføres som et fælles udbud for alle danske regioner. Anskaffelsen projektledes af Region Syddanmark (RSD). Løsningen skal driftes af Region Hovedstaden (RH) med adgang til løsningen for alle regioner.\n\nDen foreslåede prioritering går til Region Midtjyllands andel af udbuddet. Midlerne anvendes således til medfinansiering af udfærdigelse af udbudsmaterialet.',
  labrek:
    'Fællesregionalt it udbud på laboratorierekvisitionssystem LABREK. Regionerne ønsker et nyt teknologisk tidssvarende laboratorierekvisitionssystem til hospitalsenhederne. Det er fx bestilling af blodprøver.\n\nDen foreslåede prioritering går til Region Midtjyllands andel af udbuddet. Midlerne anvendes til udfærdigelse af udbudsmaterialet. Det er bla. frikøb af klinikere, konsulentudgifter og juridisk assistance.',
  ppj: 'Den præhospitale patientjournal (PPJ) anvendes i ambulancer, akutlægebiler og -helikoptere, AMK-vagtcentraler og på hospitalerne i alle regioner.\n\nDet fællesregionale udbud af præhospital Patientjournal (PPJ) gennemføres, da kontrakten på den eksisterende løsning udløber. Kontrakten blev indgået i 2013, og er forlænget indtil udgangen af 2024 for at sikre stabil drift, også under udbudsprojektet.\n\nDen foreslåede prioritering går til Region Midtjyllands andel af udbuddet. Midlerne anvendes til udfærdigelse af udbudsmaterialet.',
  epj: 'Etablering af alternativ integration fra PPJ til hospitalssystemer, MidtEPJ og præhospitalets ADO. Løsningen skal understøtte det sammenhængende patientforløb i forbindelse med overdragelse og modtagelse af patienten fra Præhospitalet. Formålet med projektet er at etablere og ibrugtage en generisk integration fra PPJ til EPJ og præ-hospitalets ADO. Oplysninger om den præhospitale patient fra PPJ skal kunne anvendes "live", hvor det giver klinisk værdi i de eksisterende hospitalssystemer.\n\nDen foreslåede prioritering af midler, vedrører udvikling af software.',
  fut: 'For at sikre fremdrift i udbredelsen af telemedicin, herunder gevinstrealisering, opfyldelse af målsætninger samt erfaringsudveksling om udbredelsen af telemedicin på tværs af landet, er der etableret en fællesoffentlig porteføljestyregruppe. Det vil sige mellem Regioner, Kommuner og Almen Praksis.\n\nPorteføljestyregruppen skal beslutte, om der er behov for nye fælles indsatser eller projekter på tværs af landsdelsprogrammerne. Porteføljestyregruppen kan også igangsætte og drøfte årlige eksterne reviews af arbejdet i landsdelene. På den måde følger porteføljestyregruppen løbende op på de strategiske målsætninger med projektet.\n\nIndledningsvist er der gennemført et udbud, for at få den it tekniske infrastruktur på plads. Den fælles infrastruktur består bl.a. af en række fælles it-byggeklodser (Microservices), som alle telemedicinske løsninger kan benytte sig af.\n\nDet er forventningen, at systemet skal udvikles generisk, så det efterfølende kan tilpasses og videreudvikles til andre patientområder. Det gælder fx Telemedicinsk sårvurdering og Telemedicin til gravide med komplikationer. Der sigtes efter, at byggeblokkene i vidt omfang bliver generiske, så de kan kobles sammen og bruges til mange forskellige områder.\n\nDe foreslåede midler anvendes til indkøb af den tekniske infrastruktur, hvorpå løsningerne bygges. Indkøbene drejer sig om indkøb af platformen (Servere etc.) samt Microservices, der er en række selvstændige programmer.',
  vis: 'Vestdansk It-Samarbejde (VIS) er et samarbejde om den elektroniske patientjournal, EPJ, mellem Region Nord, Region Syd og Region Midt. Samarbejdet betyder, at regionenerne sammen aftaler udvikling af nye funktionaliteter i EPJ.',
  muse: "Digital EKG-database (MUSE) skal hjælpe med at forenkle arbejdsgange i klinikken. Implementering af MUSE gør det muligt at samle alle EKG'er ét sted, hvor der også kan foretages mindre målinger. Hospitalspersonalet kan dermed let se og sammenligne patientens EKG'er.\n\nDen foreslåede prioritering af midler, vedrører Region Midtjyllands andel af softwareudviklingen.",
  rias: 'RIAS er et Patient Data Management Systemer (PDMS) er innovative computersystemer, som forsøger at integrere administrative funktioner og klinisk beslutningstagning.\n\nRegion Midt fortsat medvirker i arbejdet med etablering af fælles udbud i regi af Vestdansk IT- Samarbejde (VIS) med henblik på anskaffelse af en fælles IT-løsning for anæstesi og intensiv (PDM- system). Målet er at anskaffelse af PDM-løsning, hvor de enkelte hospitaler fleksibelt og efter behov og egen prioritering kan anskaffe systemgrundlag til understøttelse af de anæstesiologiske og intensive arbejdsopgaver.\n\nDen foreslåede prioritering går til Region Midtjyllands andel af udbuddet. Midlerne anvendes til udfærdigelse af udbudsmaterialet.',
  sia: 'Sammenhængende IT understøttelse i Akut afdelinger. Projektet har til opgave at etablere IT understøttelse af de arbejdsgange, som skal etableres i Region Midts nye Fælles Akutmodtagelser. Fordelene er at registrere kontaktoprettelse, så kødannelse undgås, informere patienten om kø og hvor de skal hen. Personale tilknyttet en patient adviseres på mobile devices. Integration mellem apps af cpr. Personalet kan følge patienters tilstand ved kørsel til Hospital.\n\nDen foreslåede prioritering af midler, vedrører udvikling af software.',
  ris: 'Som EPJ, Klinisk Logistik, laboratoriesystemet, patologisystemet og flere andre it-løsninger i Region Midtjylland, skal RIS/PACS-systemerne også opgraderes og sammenlægges til én fælles løsning, så alle hospitaler i Region Midtjylland kører på samme løsning og version. I løbet af 2020-2022 bliver Region Midtjyllands RIS/PACS-systemer opgraderet,\n\nGevinsterne er mange, både inden for de enkelte systemer og for den tekniske infrastruktur. Lettere deling af billeddiagnostisk data på tværs af hospitaler i Region Midtjylland, da alle hospitaler vil slå op i samme system.\n\nAntallet af billeddiagnostiske undersøgelser og billeder pr. undersøgelser er stigende, derfor er fokus i første omgang at få eksisterende funktionalitet med over i de nye versioner (evt. med enkelte ændringsønsker) for at sikre, at alle hospitaler har samme tidssvarende systemer og lagringskapacitet. Når RIS+PACS er opgraderet og konsolideret på tværs af regionen, kan systemerne opgraderes og udvikles, så de er endnu bedre for brugerne.\n\nProjektet indbefatter indkøb af systemer der skal dække klinikernes behov. Konverteringen af de enkelte hospitalsenheders eksisterende systemer til den nye løsning. Softwareudvikling af systemet så lokal specifikke ydelser kan leveres. Klinikere er således involveret i udviklingen - både for at sikre klinikkens behov imødekommes og en effektfuld implementering. Derudover er der i projektet indeholdt undervisning af medarbejdere i det nye system.\n\nMed den foreslåede prioritering af midler færdiggøres RIS/PACS konsolideringen, så alle enheder i regionen anvender samme løsning.',
};

export const EXAMPLE_POOLS: ExamplePool[] = [
  {
    name: 'Nationale projekter',
    description: '',
    lines: [
      { name: 'LPR3 ID3 - Landspatientregister', amounts: { 2022: 1500, 2023: 2800 }, description: text.lpr },
      { name: 'Integration til national eCPR', amounts: { 2022: 2100, 2023: 0 }, description: text.ecpr },
    ],
  },
  {
    name: 'Fællesregionale projekter',
    description: text.rsi,
    lines: [
      {
        name: 'Klinisk immunologisk IT (KIIT) (Blodbank)',
        amounts: { 2022: 4000, 2023: 4500 },
        description: text.kiit,
      },
      { name: 'Labrek (Laboratorie)', amounts: { 2022: 400, 2023: 0 }, description: text.labrek },
      {
        name: 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)',
        amounts: { 2022: 1050, 2023: 0 },
        description: text.ppj,
      },
      { name: 'Integration EPJ-PPJ', amounts: { 2022: 1500, 2023: 2000 }, description: text.epj },
      {
        name: 'Fællesregional og kommunal udvikling af Telemedicinsk løsninger (FUT)',
        amounts: { 2022: 3700, 2023: 0 },
        description: text.fut,
      },
    ],
  },
  {
    name: 'Vestdansk It Samarbejde',
    description: text.vis,
    lines: [
      {
        name: 'MUSE EKG',
        amounts: {},
        description: text.muse,
        subLines: [
          { name: 'MUSE EKG fase 1', amounts: { 2022: 2700, 2023: 0 }, description: '' },
          { name: 'MUSE EKG fase 2', amounts: { 2022: 0, 2023: 2300 }, description: '' },
        ],
      },
      { name: 'RIAS udbudsprojekt', amounts: { 2022: 400, 2023: 0 }, description: text.rias },
      {
        name: 'SIA ankomst - It understøttelse af akutafdelinger',
        amounts: { 2022: 700, 2023: 0 },
        description: text.sia,
      },
      { name: 'RIS/PACS (Regionalt RM)', amounts: { 2022: 10000, 2023: 0 }, description: text.ris },
    ],
  },
];

/**
 * The example's projects where the seeds have them (docs/domain.md «The example's projects»): the
 * RSI status report of November 2023 (KIIT 18-6 red on leverancer, tid and penge; PPJ 20-5 in
 * Analyse until Dec. 2027) and the it-råd's annual report 2023 (risk assessments and profiles).
 */
export interface ExampleProject {
  number?: string;
  phase?: Phase;
  end?: string;
  responsible?: string;
  purpose?: string;
  risk?: RiskProfile;
  status?: Partial<Record<LightField, Light>> & { remark: string };
  activities?: { kind: RiskActivityKind; month: string }[];
}

export const EXAMPLE_STATUS_MONTH = '2023-11';

export const EXAMPLE_POOL_KINDS: Record<string, PoolKind> = {
  'Nationale projekter': 'national',
  'Fællesregionale projekter': 'fællesregional',
};

export const EXAMPLE_PROJECTS: Record<string, ExampleProject> = {
  'Klinisk immunologisk IT (KIIT) (Blodbank)': {
    number: '18-6',
    phase: 'Gennemførelse',
    end: '2024-03',
    responsible: 'RSD',
    purpose: 'Konsolidering af blodbanks/immunologiske it-systemer i Danmark.',
    risk: 'A',
    status: {
      deliveries: 'rød',
      time: 'rød',
      money: 'rød',
      remark:
        'Projektet rapporterer rød status på leverancer, tid og økonomi. Planlægning af det videre forløb pågår og derfor er behovet for forlængelse pt. ikke kendt.',
    },
    activities: [{ kind: 'risikovurdering', month: '2020-06' }],
  },
  'Labrek (Laboratorie)': {
    phase: 'Afsluttet',
    end: '2023-01',
    responsible: 'RN',
    risk: 'B',
    activities: [{ kind: 'risikovurdering', month: '2020-08' }],
  },
  'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)': {
    number: '20-5',
    phase: 'Analyse',
    end: '2027-12',
    responsible: 'RM',
    purpose:
      'Formålet er at konkurrenceudsætte den præhospitale patientjournal (PPJ) i et fælles udbud for alle fem regioner.',
    risk: 'A',
    status: {
      remark:
        'Styregruppen besluttede på møde i august, at udbud via SKI ikke er en mulighed. Derfor genoptages arbejdet med udarbejdelse af EU-udbud.',
    },
    activities: [
      { kind: 'sparringsmøde', month: '2022-04' },
      { kind: 'risikovurdering', month: '2022-11' },
    ],
  },
};
