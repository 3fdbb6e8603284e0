/**
 * Name, city and number material for synthetic portfolios.
 *
 * Chinese cities carry their IANA zone. All of China keeps Beijing time officially, but in
 * Xinjiang local Ürümqi time (two hours behind) is common in daily life, which is exactly the
 * ambiguity the contact-time gate must handle, so Xinjiang cities carry both. US cities span seven
 * zones, including Phoenix (no daylight saving), Anchorage and Honolulu; each has its area codes,
 * because a phone number from another zone is how a consumer ends up with two candidate zones.
 */
export type City = {
  readonly name: string;
  readonly zone: string;
  /** Zones people of the city may also be keeping (Xinjiang: official Beijing time). */
  readonly alsoZones: readonly string[];
  readonly weight: number;
};

export type UsCity = City & { readonly state: string; readonly areaCodes: readonly string[] };

/** The 60 most common surnames, by frequency band (the weights follow the national census shape). */
export const CN_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 21],
  ['吴', 20], ['周', 20], ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12],
  ['何', 11], ['林', 11], ['罗', 10], ['高', 10], ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 8],
  ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5],
  ['肖', 5], ['田', 5], ['董', 5], ['潘', 4], ['袁', 4], ['蔡', 4], ['蒋', 4], ['余', 4],
  ['于', 4], ['杜', 4], ['叶', 4], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['卢', 3], ['姚', 3], ['沈', 3], ['钟', 3], ['姜', 3], ['崔', 2], ['谭', 2],
  ['陆', 2], ['范', 2], ['汪', 2], ['廖', 2], ['欧阳', 1], ['司马', 1],
];

export const CN_GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀',
  '霞', '平', '刚', '桂', '英', '华', '玲', '婷', '鹏', '辉', '浩', '宇', '欣', '怡', '晨', '雪', '峰', '琳',
  '建', '国', '志', '海', '文', '红', '春', '梅', '兰', '云', '飞', '龙', '斌', '波', '佳', '子', '涵', '轩',
  '博', '思', '雨', '萱', '俊', '凯', '晓', '慧', '颖', '丹', '嘉', '鑫', '彤', '悦', '瑶', '振', '宏', '倩',
] as const;

const SHANGHAI = 'Asia/Shanghai';
const URUMQI = 'Asia/Urumqi';

function cnCity(name: string, weight: number): City {
  return { name, zone: SHANGHAI, alsoZones: [], weight };
}

export const CN_CITIES: readonly City[] = [
  cnCity('北京', 10), cnCity('上海', 10), cnCity('广州', 8), cnCity('深圳', 8), cnCity('成都', 7),
  cnCity('重庆', 7), cnCity('武汉', 5), cnCity('西安', 5), cnCity('杭州', 5), cnCity('南京', 5),
  cnCity('郑州', 4), cnCity('长沙', 4), cnCity('天津', 4), cnCity('苏州', 4), cnCity('东莞', 4),
  cnCity('沈阳', 3), cnCity('青岛', 3), cnCity('合肥', 3), cnCity('佛山', 3), cnCity('济南', 3),
  cnCity('哈尔滨', 3), cnCity('昆明', 3), cnCity('南宁', 2), cnCity('福州', 2), cnCity('石家庄', 2),
  cnCity('南昌', 2), cnCity('贵阳', 2), cnCity('太原', 2), cnCity('兰州', 2), cnCity('呼和浩特', 1),
  cnCity('银川', 1), cnCity('西宁', 1), cnCity('拉萨', 1), cnCity('海口', 1),
  { name: '乌鲁木齐', zone: URUMQI, alsoZones: [SHANGHAI], weight: 2 },
  { name: '喀什', zone: URUMQI, alsoZones: [SHANGHAI], weight: 1 },
];

/** Mobile number prefixes of the three carriers (中国移动, 中国联通, 中国电信) and their MVNOs. */
export const CN_MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152',
  '153', '155', '156', '157', '158', '159', '166', '170', '171', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '196', '198', '199',
] as const;

export const US_FIRST = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Karen', 'Christopher', 'Nancy',
  'Daniel', 'Sarah', 'Matthew', 'Ashley', 'Anthony', 'Emily', 'Kevin', 'Aisha', 'Jamal', 'Tyrone',
  'Latoya', 'Wei', 'Mei', 'Priya', 'Raj', 'Minh', 'Linh', 'Olivia', 'Noah', 'Emma',
] as const;

export const US_HISPANIC_FIRST = [
  'José', 'Luis', 'Carlos', 'Juan', 'Jorge', 'María', 'Guadalupe', 'Rosa', 'Ana', 'Sofía', 'Alejandro',
  'Gabriela',
] as const;

export const US_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Thomas',
  'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Kim', 'Patel',
] as const;

export const US_HISPANIC_LAST = [
  'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez',
  'Torres', 'Flores', 'Rivera',
] as const;

function usCity(
  name: string, state: string, zone: string, weight: number, areaCodes: readonly string[],
): UsCity {
  return { name, state, zone, alsoZones: [], weight, areaCodes };
}

export const US_CITIES: readonly UsCity[] = [
  usCity('New York', 'NY', 'America/New_York', 8, ['212', '718', '917', '646']),
  usCity('Philadelphia', 'PA', 'America/New_York', 3, ['215', '267']),
  usCity('Atlanta', 'GA', 'America/New_York', 4, ['404', '678', '470']),
  usCity('Miami', 'FL', 'America/New_York', 4, ['305', '786']),
  usCity('Boston', 'MA', 'America/New_York', 2, ['617', '857']),
  usCity('Chicago', 'IL', 'America/Chicago', 6, ['312', '773', '872']),
  usCity('Houston', 'TX', 'America/Chicago', 5, ['713', '281', '832']),
  usCity('Dallas', 'TX', 'America/Chicago', 4, ['214', '469', '972']),
  usCity('Denver', 'CO', 'America/Denver', 3, ['303', '720']),
  usCity('Salt Lake City', 'UT', 'America/Denver', 1, ['801', '385']),
  usCity('Phoenix', 'AZ', 'America/Phoenix', 3, ['602', '480', '623']),
  usCity('Los Angeles', 'CA', 'America/Los_Angeles', 7, ['213', '310', '323', '818']),
  usCity('San Francisco', 'CA', 'America/Los_Angeles', 3, ['415', '628']),
  usCity('Seattle', 'WA', 'America/Los_Angeles', 3, ['206', '253']),
  usCity('Las Vegas', 'NV', 'America/Los_Angeles', 2, ['702', '725']),
  usCity('Anchorage', 'AK', 'America/Anchorage', 1, ['907']),
  usCity('Honolulu', 'HI', 'Pacific/Honolulu', 1, ['808']),
];

/** Employer domains for work e-mail addresses (RFC 2606 `.example`, never a real mailbox). */
export const US_EMPLOYERS = [
  'acme-logistics', 'northwind', 'contoso', 'globex', 'initech', 'umbrella-health',
] as const;
