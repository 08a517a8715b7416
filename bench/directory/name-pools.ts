// Personal names by writing system, as people of the network write them (accents, harakat now and then, no spaces
// between Chinese family and given names).

/** How a name of this pool is put together. */
export interface NamePool {
  readonly given: readonly string[];
  readonly family: readonly string[];
  /** Family name first (Chinese, Japanese, Korean, Hungarian usage), and whether a space separates the two. */
  readonly familyFirst: boolean;
  readonly separator: '' | ' ';
  /**
   * Syllables for made-up family names: a real directory holds thousands of distinct surnames, far more than a list
   * here could, and the size of result sets depends on it. Two or three of them make a name.
   */
  readonly syllables: readonly string[];
  /** Share of family names made from syllables (the rest come from `family`). */
  readonly madeUpShare: number;
  /** Characters for made-up two-character given names (Chinese, Korean), used for half of them. */
  readonly givenSyllables?: readonly string[];
}

export type NameScript = 'latin' | 'cyrillic' | 'arabic' | 'chinese' | 'japanese' | 'korean' | 'greek' | 'hebrew' | 'thai';

export const NAME_POOLS: Readonly<Record<NameScript, NamePool>> = {
  latin: {
    given: [
      'Awa', 'Aminata', 'José', 'María', 'François', 'Zoë', 'Søren', 'Björn', 'Ngozi', 'Chiamaka', 'Oluwaseun', 'Kwame',
      'Ingrid', 'Łukasz', 'Małgorzata', 'Dragoș', 'Şükrü', 'İlker', 'Hélène', 'Joël', 'Inés', 'João', 'Mónica', 'Ana',
      'Thomas', 'Sarah', 'Émile', 'Anaïs', 'Jürgen', 'Ángel', 'Nuñez', 'Fatou', 'Moussa', 'Mariam', 'Ousmane', 'Paulo',
      'Hồng', 'Thảo', 'Ebru', 'Çağla', 'Æsa', 'Øystein', 'Kristín', 'Þóra', 'Ramón', 'Luís', 'Chloé', 'Gaël',
    ],
    family: [
      'Koné', 'Traoré', 'Diallo', 'Ouédraogo', 'García', 'Müller', 'Dubois', 'Ibáñez', 'Nørgaard', 'Kowalczyk', 'Çelik',
      'Yılmaz', 'Trần', 'Nguyễn', 'Mbeki', 'Okonkwo', 'Silva', 'Gonçalves', 'Lefèvre', 'Schäfer', 'Żukowski', 'Brâncuși',
      'Sørensen', 'Håkansson', 'Guðmundsdóttir', 'Fernández', 'López', 'Núñez', 'Kouassi', 'Yao', 'N’Guessan', 'Bamba',
      'Mensah', 'Owusu', 'Achebe', 'Van der Berg', "O'Connor", 'MacLeod', 'de la Cruz', 'Dos Santos', 'Smith', 'Jones',
    ],
    familyFirst: false,
    separator: ' ',
    syllables: [
      'ba', 'ko', 'ndi', 'lé', 'mar', 'tin', 'son', 'sen', 'ez', 'ová', 'ić', 'escu', 'ou', 'ra', 'di', 'ne', 'gu', 'yé',
      'ach', 'ber', 'dor', 'fal', 'gan', 'hal', 'kar', 'lun', 'mos', 'nor', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul',
      'vas', 'wen', 'zan', 'çi', 'ño', 'ãe', 'ø', 'eß', 'ły', 'șa',
    ],
    madeUpShare: 0.6,
  },
  cyrillic: {
    given: ['Александр', 'Мария', 'Дмитрий', 'Ольга', 'Сергей', 'Наталья', 'Алёна', 'Фёдор', 'Ирина', 'Андрій', 'Олена', 'Богдан'],
    family: ['Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Соколов', 'Лебедева', 'Шевченко', 'Ковальчук', 'Королёв', 'Бондаренко'],
    familyFirst: false,
    separator: ' ',
    syllables: ['ко', 'ва', 'лё', 'нов', 'ская', 'ми', 'ра', 'шен', 'па', 'ев', 'ин', 'чук', 'бо', 'ду', 'жи', 'зо', 'ло', 'ря'],
    madeUpShare: 0.5,
  },
  arabic: {
    given: ['محمد', 'مُحَمَّد', 'أحمد', 'فاطمة', 'عائشة', 'يوسف', 'مريم', 'عمر', 'ليلى', 'خالد', 'نور', 'إبراهيم'],
    family: ['العلي', 'الحسن', 'المنصوري', 'الخطيب', 'حداد', 'السيد', 'عبد الله', 'الهاشمي', 'القاسم', 'الشامي'],
    familyFirst: false,
    separator: ' ',
    syllables: ['ال', 'حس', 'ني', 'من', 'صو', 'ري', 'خط', 'يب', 'قا', 'سم', 'شا', 'مي', 'عب', 'دو', 'فا', 'رو'],
    madeUpShare: 0.5,
  },
  chinese: {
    given: ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '艳', '勇', '杰', '娟'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'],
    familyFirst: true,
    separator: '',
    syllables: [],
    madeUpShare: 0,
    givenSyllables: ['明', '华', '国', '建', '文', '平', '志', '海', '春', '玉', '金', '云', '晓', '德', '光', '宇', '红', '林', '辉', '秀'],
  },
  japanese: {
    given: ['健', '花子', '翔', '陽菜', '大輝', '美咲', 'さくら', 'ゆうき'],
    family: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '山本', '中村'],
    familyFirst: true,
    separator: ' ',
    syllables: ['山', '田', '川', '木', '村', '井', '本', '藤', '原', '野', '小', '大'],
    madeUpShare: 0.5,
  },
  korean: {
    given: ['민준', '서연', '지훈', '하은', '도윤', '수아'],
    family: ['김', '이', '박', '최', '정', '강'],
    familyFirst: true,
    separator: ' ',
    syllables: [],
    madeUpShare: 0,
    givenSyllables: ['민', '서', '지', '하', '도', '수', '현', '준', '영', '우', '은', '진', '성', '혜'],
  },
  greek: {
    given: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη', 'Δημήτρης', 'Κατερίνα', 'Σοφία', 'Κώστας'],
    family: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου', 'Νικολάου', 'Βασιλείου', 'Αντωνίου', 'Παππάς'],
    familyFirst: false,
    separator: ' ',
    syllables: ['πα', 'δό', 'που', 'λος', 'οι', 'κο', 'νό', 'μου', 'γε', 'ωρ', 'γί', 'ου', 'στα', 'θη', 'ρά', 'κης'],
    madeUpShare: 0.5,
  },
  hebrew: {
    given: ['דוד', 'שרה', 'יוסף', 'מרים', 'נועה', 'אברהם'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון'],
    familyFirst: false,
    separator: ' ',
    syllables: ['בן', 'דה', 'רו', 'שי', 'מל', 'גר', 'טל', 'אב'],
    madeUpShare: 0.5,
  },
  thai: {
    given: ['สมชาย', 'สมศรี', 'ประยุทธ', 'วิไล', 'สุดา', 'อนันต์'],
    family: ['ใจดี', 'ศรีสุข', 'วงศ์ใหญ่', 'แสงทอง', 'บุญมา'],
    familyFirst: false,
    separator: ' ',
    syllables: ['ศรี', 'สุข', 'ทอง', 'บุญ', 'วงศ์', 'ใจ', 'แสง', 'มา', 'ดี', 'รัตน์'],
    madeUpShare: 0.5,
  },
};
