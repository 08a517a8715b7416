import type { NameScript } from './name-pools';

/**
 * A country of the bench directory: its English name, how its people's names are mostly written, and its foreign
 * ministry in its own language (when that is not English), which becomes one of its organisations.
 */
export interface BenchCountry {
  readonly id: string;
  readonly name: string;
  readonly nameScripts: readonly NameScript[];
  readonly foreignMinistry?: string;
}

const L: readonly NameScript[] = ['latin'];

/** Sixty countries with their real names, "Côte d'Ivoire" and other accented or punctuated ones included. */
export const COUNTRIES: readonly BenchCountry[] = [
  { id: 'ci', name: "Côte d'Ivoire", nameScripts: L, foreignMinistry: "Ministère des Affaires étrangères, de l'Intégration africaine et de la Diaspora" },
  { id: 'fr', name: 'France', nameScripts: L, foreignMinistry: "Ministère de l'Europe et des Affaires étrangères" },
  { id: 'de', name: 'Germany', nameScripts: L, foreignMinistry: 'Auswärtiges Amt' },
  { id: 'dk', name: 'Denmark', nameScripts: L, foreignMinistry: 'Udenrigsministeriet' },
  { id: 'no', name: 'Norway', nameScripts: L, foreignMinistry: 'Utenriksdepartementet' },
  { id: 'se', name: 'Sweden', nameScripts: L, foreignMinistry: 'Utrikesdepartementet' },
  { id: 'is', name: 'Iceland', nameScripts: L, foreignMinistry: 'Utanríkisráðuneytið' },
  { id: 'pl', name: 'Poland', nameScripts: L, foreignMinistry: 'Ministerstwo Spraw Zagranicznych' },
  { id: 'ro', name: 'Romania', nameScripts: L, foreignMinistry: 'Ministerul Afacerilor Externe' },
  { id: 'tr', name: 'Türkiye', nameScripts: L, foreignMinistry: 'Dışişleri Bakanlığı' },
  { id: 'es', name: 'Spain', nameScripts: L, foreignMinistry: 'Ministerio de Asuntos Exteriores, Unión Europea y Cooperación' },
  { id: 'pt', name: 'Portugal', nameScripts: L, foreignMinistry: 'Ministério dos Negócios Estrangeiros' },
  { id: 'br', name: 'Brazil', nameScripts: L, foreignMinistry: 'Ministério das Relações Exteriores' },
  { id: 'ar', name: 'Argentina', nameScripts: L, foreignMinistry: 'Ministerio de Relaciones Exteriores, Comercio Internacional y Culto' },
  { id: 'mx', name: 'Mexico', nameScripts: L, foreignMinistry: 'Secretaría de Relaciones Exteriores' },
  { id: 'co', name: 'Colombia', nameScripts: L, foreignMinistry: 'Ministerio de Relaciones Exteriores' },
  { id: 'cl', name: 'Chile', nameScripts: L },
  { id: 'pe', name: 'Peru', nameScripts: L },
  { id: 'gt', name: 'Guatemala', nameScripts: L },
  { id: 'cr', name: 'Costa Rica', nameScripts: L },
  { id: 'ca', name: 'Canada', nameScripts: L },
  { id: 'us', name: 'United States of America', nameScripts: L },
  { id: 'gb', name: 'United Kingdom of Great Britain and Northern Ireland', nameScripts: L },
  { id: 'ie', name: 'Ireland', nameScripts: L },
  { id: 'nl', name: 'Netherlands (Kingdom of the)', nameScripts: L },
  { id: 'be', name: 'Belgium', nameScripts: L },
  { id: 'ch', name: 'Switzerland', nameScripts: L },
  { id: 'it', name: 'Italy', nameScripts: L, foreignMinistry: 'Ministero degli Affari Esteri e della Cooperazione Internazionale' },
  { id: 'sn', name: 'Senegal', nameScripts: L, foreignMinistry: 'Ministère de l’Intégration africaine et des Affaires étrangères' },
  { id: 'ml', name: 'Mali', nameScripts: L },
  { id: 'bf', name: 'Burkina Faso', nameScripts: L },
  { id: 'gh', name: 'Ghana', nameScripts: L },
  { id: 'ng', name: 'Nigeria', nameScripts: L },
  { id: 'cm', name: 'Cameroon', nameScripts: L },
  { id: 'cd', name: 'Democratic Republic of the Congo', nameScripts: L },
  { id: 'ke', name: 'Kenya', nameScripts: L },
  { id: 'tz', name: 'United Republic of Tanzania', nameScripts: L },
  { id: 'rw', name: 'Rwanda', nameScripts: L },
  { id: 'za', name: 'South Africa', nameScripts: L },
  { id: 'bw', name: 'Botswana', nameScripts: L },
  { id: 'gw', name: 'Guinea-Bissau', nameScripts: L },
  { id: 'st', name: 'São Tomé and Príncipe', nameScripts: L },
  { id: 'vn', name: 'Viet Nam', nameScripts: L, foreignMinistry: 'Bộ Ngoại giao' },
  { id: 'ph', name: 'Philippines', nameScripts: L },
  { id: 'au', name: 'Australia', nameScripts: L },
  { id: 'ru', name: 'Russian Federation', nameScripts: ['cyrillic'], foreignMinistry: 'Министерство иностранных дел Российской Федерации' },
  { id: 'ua', name: 'Ukraine', nameScripts: ['cyrillic'], foreignMinistry: 'Міністерство закордонних справ України' },
  { id: 'bg', name: 'Bulgaria', nameScripts: ['cyrillic', 'latin'], foreignMinistry: 'Министерство на външните работи' },
  { id: 'eg', name: 'Egypt', nameScripts: ['arabic'], foreignMinistry: 'وزارة الخارجية' },
  { id: 'ma', name: 'Morocco', nameScripts: ['arabic', 'latin'], foreignMinistry: 'وزارة الشؤون الخارجية والتعاون الإفريقي' },
  { id: 'qa', name: 'Qatar', nameScripts: ['arabic'], foreignMinistry: 'وَزَارَةُ الْخَارِجِيَّة' },
  { id: 'jo', name: 'Jordan', nameScripts: ['arabic'], foreignMinistry: 'وزارة الخارجية وشؤون المغتربين' },
  { id: 'cn', name: 'China', nameScripts: ['chinese'], foreignMinistry: '中华人民共和国外交部' },
  { id: 'jp', name: 'Japan', nameScripts: ['japanese'], foreignMinistry: '外務省' },
  { id: 'kr', name: 'Republic of Korea', nameScripts: ['korean'], foreignMinistry: '외교부' },
  { id: 'gr', name: 'Greece', nameScripts: ['greek'], foreignMinistry: 'Υπουργείο Εξωτερικών' },
  { id: 'cy', name: 'Cyprus', nameScripts: ['greek', 'latin'], foreignMinistry: 'Υπουργείο Εξωτερικών της Κυπριακής Δημοκρατίας' },
  { id: 'il', name: 'Israel', nameScripts: ['hebrew'], foreignMinistry: 'משרד החוץ' },
  { id: 'th', name: 'Thailand', nameScripts: ['thai'], foreignMinistry: 'กระทรวงการต่างประเทศ' },
  { id: 'tl', name: 'Timor-Leste', nameScripts: L },
];
