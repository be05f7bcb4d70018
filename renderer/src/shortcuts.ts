/** Every keyboard shortcut, for Hjælp → Tastaturgenveje (and the README's list). */
export const SHORTCUTS: { group: string; keys: [string, string][] }[] = [
  {
    group: 'Rette',
    keys: [
      ['Skriv', 'Retter cellen (beløb på dansk: 1.500, 1.234,5, -250)'],
      ['Enter / Tab', 'Gemmer og går ned / til højre'],
      ['F2', 'Retter cellens indhold'],
      ['Esc', 'Fortryder indtastningen'],
      ['Delete / Backspace', 'Tømmer beløbene i det markerede'],
      ['Ctrl+Z', 'Fortryd'],
      ['Ctrl+Y / Ctrl+Shift+Z', 'Annullér fortryd'],
    ],
  },
  {
    group: 'Markere',
    keys: [
      ['Piletaster', 'Flytter cellen'],
      ['Shift+piletaster', 'Udvider markeringen'],
      ['Shift+klik / træk med musen', 'Markerer et område'],
      ['Ctrl+A', 'Markerer hele tabellen'],
    ],
  },
  {
    group: 'Kopiere og udfylde',
    keys: [
      ['Ctrl+C', 'Kopierer det markerede (også til Excel)'],
      ['Ctrl+V', 'Sætter ind fra Excel, LibreOffice eller Puljeplan'],
      ['Ctrl+D', 'Udfylder nedad fra den øverste række'],
      ['Træk i hjørnet', 'Udfylder eller fortsætter en række (100, 200 → 300, 400)'],
    ],
  },
  {
    group: 'Linjer',
    keys: [
      ['Ctrl+Enter', 'Ny linje under den valgte (på en underlinje: ny underlinje)'],
      ['Alt+Shift+→ / Alt+Shift+←', 'Rykker linjen ind (underlinje) / ud (linje)'],
      ['Ctrl+Delete', 'Sletter den valgte linje eller pulje'],
      ['Alt+↑ / Alt+↓', 'Flytter linjen op / ned'],
      ['Træk i linjens håndtag', 'Flytter linjen'],
      ['Højreklik / Menutast / Shift+F10', 'Genvejsmenu'],
    ],
  },
  {
    group: 'Finde og vise',
    keys: [
      ['Ctrl+F', 'Søger i linjenavne og beskrivelser'],
      ['Enter / Shift+Enter / F3', 'Næste / forrige fund'],
      ['F1', 'Viser tastaturgenvejene'],
    ],
  },
  {
    group: 'Filer (i programmet)',
    keys: [
      ['Ctrl+N', 'Ny portefølje…'],
      ['Ctrl+O', 'Åbn…'],
      ['Ctrl+Shift+S', 'Gem som…'],
      ['Ctrl+P', 'Udskriv… / Gem som PDF… (Bilag 1 med forhåndsvisning)'],
    ],
  },
];
