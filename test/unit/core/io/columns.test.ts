import { describe, expect, it } from 'vitest';
import { headerReadsAsTitle, previewColumns, suggestTitleColumn } from '../../../../electron/core/io/index.js';
import type { Table } from '../../../../electron/core/io/index.js';

const table = (columns: string[], rows: string[][]): Table => ({ path: 't.csv', sheets: [], columns, rows });

describe('suggestTitleColumn', () => {
  it('takes a header that names the title column, in several languages', () => {
    expect(suggestTitleColumn(table(['Name', 'Job Title', 'City'], []))).toEqual({ index: 1, name: 'Job Title', reason: 'header' });
    expect(suggestTitleColumn(table(['id', 'current_position'], []))).toMatchObject({ name: 'current_position', reason: 'header' });
    expect(suggestTitleColumn(table(['Nom', 'Intitulé du poste'], []))).toMatchObject({ name: 'Intitulé du poste' });
  });

  it('does not take "Job ID" for the title column', () => {
    const t = table(['Job ID', 'Candidate', 'Applied for'], [
      ['J-1', 'Ada Lovelace', 'Senior Software Engineer'],
      ['J-2', 'Grace Hopper', 'Registered Nurse'],
      ['J-3', 'Alan Turing', 'Sales Manager'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 2, name: 'Applied for', reason: 'values' });
  });

  it('finds titles by their values when no header says so, over names, cities and e-mails', () => {
    const t = table(['Person', 'Mail', 'Current', 'Town'], [
      ['Zoë Ångström', 'zoe@example.org', 'Développeuse web senior', 'Zürich'],
      ['Li Xiaolong', 'li@example.cn', 'Data Analyst', 'Beijing'],
      ['Seán O’Brien', 'sean@example.ie', 'Night Nurse', 'Dublin'],
      ['Anaïs Dupont', 'ana@example.fr', 'Head Chef', 'Lyon'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 2, name: 'Current', reason: 'values' });
  });

  it('suggests the only column, and nothing when no column looks like titles', () => {
    expect(suggestTitleColumn(table(['Whatever'], [['x']]))).toEqual({ index: 0, name: 'Whatever', reason: 'only' });
    expect(suggestTitleColumn(table(['a', 'b'], [['1', '2024-01-01'], ['2', '2024-01-02']]))).toBeUndefined();
  });
});

/** Per language: a header naming the title column, then rows of name, title and city. */
const LANGUAGES: { lang: string; columns: [string, string, string]; rows: [string, string, string][] }[] = [
  {
    lang: 'German',
    columns: ['Name', 'Berufsbezeichnung', 'Stadt'],
    rows: [
      ['Jürgen Weiß', 'Softwareentwicklerin', 'München'],
      ['Sabine Wolf', 'Gesundheits- und Krankenpfleger', 'Köln'],
      ['Mehmet Yılmaz', 'LKW-Fahrer (m/w/d)', 'Duisburg'],
      ['Katrin Vogel', 'Vertriebsleiterin', 'Leipzig'],
      ['Lukas Brandt', 'Sachbearbeiter*in Buchhaltung', 'Hamburg'],
      ['Anja Krause', 'Altenpflegerin', 'Dresden'],
    ],
  },
  {
    lang: 'Spanish',
    columns: ['Nombre', 'Puesto de trabajo', 'Ciudad'],
    rows: [
      ['María García', 'Enfermera de quirófano', 'Sevilla'],
      ['José Martínez', 'Técnico de mantenimiento', 'Zaragoza'],
      ['Lucía Fernández', 'Camarera', 'Málaga'],
      ['Javier López', 'Conductor de camión', 'Valencia'],
      ['Carmen Ruiz', 'Jefa de cocina', 'Bilbao'],
      ['Pablo Sánchez', 'Dependienta de comercio', 'Madrid'],
    ],
  },
  {
    lang: 'French',
    columns: ['Nom', 'Intitulé du poste', 'Ville'],
    rows: [
      ['Camille Martin', 'Infirmière de bloc opératoire', 'Lyon'],
      ['Julien Moreau', 'Chargée de clientèle', 'Toulouse'],
      ['Léa Dubois', 'Conducteur poids lourd', 'Rennes'],
      ['Hugo Lefort', 'Technicien de maintenance', 'Lille'],
      ['Chloé Girard', 'Vendeuse en boulangerie', 'Nantes'],
      ['Nathan Roux', 'Développeur·euse Java', 'Bordeaux'],
    ],
  },
  {
    lang: 'Dutch',
    columns: ['Naam', 'Functie', 'Woonplaats'],
    rows: [
      ['Jan de Vries', 'Verpleegkundige', 'Utrecht'],
      ['Sanne Jansen', 'Vrachtwagenchauffeur', 'Eindhoven'],
      ['Daan van Dijk', 'Klantenservicemedewerker', 'Groningen'],
      ['Emma de Jong', 'Servicemonteur', 'Zwolle'],
      ['Lars Hendriks', 'Applicatiebeheerder', 'Den Haag'],
      ['Fleur Peeters', 'Teamleider productie', 'Tilburg'],
    ],
  },
  {
    lang: 'Polish',
    columns: ['Imię i nazwisko', 'Stanowisko', 'Miasto'],
    rows: [
      ['Anna Kowalska', 'Pielęgniarka', 'Kraków'],
      ['Piotr Nowak', 'Kierowca kat. C+E', 'Łódź'],
      ['Katarzyna Wiśniewska', 'Specjalista ds. kadr i płac', 'Wrocław'],
      ['Tomasz Wójcik', 'Księgowa', 'Gdańsk'],
      ['Magdalena Zielińska', 'Programista Java', 'Poznań'],
      ['Michał Lewandowski', 'Sprzedawca-kasjer', 'Lublin'],
    ],
  },
  {
    lang: 'Portuguese',
    columns: ['Nome', 'Função', 'Cidade'],
    rows: [
      ['João Silva', 'Enfermeira', 'Porto'],
      ['Ana Pereira', 'Motorista de pesados', 'Braga'],
      ['Pedro Costa', 'Técnico de informática', 'Coimbra'],
      ['Mariana Oliveira', 'Desenvolvedora Java', 'São Paulo'],
      ['Rafael Santos', 'Cozinheira', 'Lisboa'],
      ['Beatriz Rodrigues', 'Contabilista certificado', 'Faro'],
    ],
  },
];

describe('suggestTitleColumn in German, Spanish, French, Dutch, Polish and Portuguese', () => {
  it.each(LANGUAGES)('takes the $lang header that names the title column', ({ columns, rows }) => {
    expect(suggestTitleColumn(table(columns, rows))).toEqual({ index: 1, name: columns[1], reason: 'header' });
  });

  it.each(LANGUAGES)('finds $lang titles by their values in a table without a header', ({ rows }) => {
    // Titles last, so that it is their values, not their place, that picks them.
    const headerless: Table = { ...table(['Column 1', 'Column 2', 'Column 3'], rows.map(([n, t, c]) => [n, c, t])), headerRow: 0 };
    expect(suggestTitleColumn(headerless)).toEqual({ index: 2, name: 'Column 3', reason: 'values' });
  });

  it('compares headers without case or accents', () => {
    const headers = [
      'Intitulé du poste', 'INTITULÉ DU POSTE', 'Categoria profesional', 'CATEGORÍA PROFESIONAL', 'Tatigkeitsbezeichnung',
      'Funcion', 'Posicao', 'Fonction occupe\u0301e', 'Título do cargo',
    ];
    for (const h of headers) expect(suggestTitleColumn(table(['Id', h], [])), h).toMatchObject({ index: 1, reason: 'header' });
    const longer = table(['Nr', 'Métier actuel (2024)'], []);
    expect(suggestTitleColumn(longer), 'a header word inside a longer header').toMatchObject({ index: 1, reason: 'header' });
  });

  it('reads titles written without their accents', () => {
    const t = table(['Column 1', 'Column 2'], [
      ['Rua A', 'Tecnico de manutencao'],
      ['Rue B', 'Infirmiere de nuit'],
      ['Ul. C', 'Pielegniarka'],
      ['Calle D', 'Medico de familia'],
      ['Via E', 'Ksiegowa'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 1, name: 'Column 2', reason: 'values' });
  });

  it('reads titles written with gender marks', () => {
    const t = table(['Column 1', 'Column 2'], [
      ['Jonas Beck', 'Entwickler*in'],
      ['Mia Lorenz', 'Mitarbeiter:in Empfang'],
      ['Inès Caron', 'Infirmier·ère de nuit'],
    ]);
    expect(suggestTitleColumn(t)).toEqual({ index: 1, name: 'Column 2', reason: 'values' });
  });

  const others = [
    'Vorname', 'Nachname', 'Firma', 'Stadt', 'Abteilung', 'Nombre', 'Empresa', 'Ciudad', 'Prénom', 'Entreprise', 'Ville',
    'Naam', 'Bedrijf', 'Woonplaats', 'Nazwisko', 'Miejscowość', 'Dział', 'Nome', 'Cidade', 'Endereço',
  ];
  it.each(others)('does not take a column headed "%s" for titles, whatever its values', (other) => {
    // Both columns read as titles; without the header word the first would win the tie.
    const titles = ['Vertriebsleitung', 'Pflegedienstleitung', 'Projektleiterin'];
    const t = table([other, 'Column 2'], titles.map((v) => [v, v]));
    expect(suggestTitleColumn(t)).toEqual({ index: 1, name: 'Column 2', reason: 'values' });
  });
});

describe('headerReadsAsTitle', () => {
  it('takes a German compound title on the first line of a one-column list for a title, not a header', () => {
    const rows = [['Softwareentwickler'], ['LKW-Fahrer'], ['Industriekaufmann'], ['Erzieherin']];
    expect(headerReadsAsTitle({ ...table(['Krankenpflegerin'], rows), headerRow: 1 })).toBe(true);
    expect(headerReadsAsTitle({ ...table(['Berufsbezeichnung'], rows), headerRow: 1 })).toBe(false);
  });
});

describe('previewColumns', () => {
  it('lists each column with distinct samples from the top and its filled count', () => {
    const t = table(['title', 'city'], [['Nurse', 'Lyon'], [], ['Nurse', ''], ['Chef', 'Paris'], ['Cook', 'Nice']]);
    expect(previewColumns(t, 2)).toEqual([
      { index: 0, name: 'title', samples: ['Nurse', 'Chef'], filled: 4 },
      { index: 1, name: 'city', samples: ['Lyon', 'Paris'], filled: 3 },
    ]);
  });
});
