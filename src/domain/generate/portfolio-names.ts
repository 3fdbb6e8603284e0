/**
 * Name, city and number material for synthetic portfolios. Chinese cities carry their IANA zone
 * (all of China keeps Beijing time officially; Xinjiang's own Ürümqi time is common in practice,
 * which is exactly the ambiguity the compliance gate must handle). US cities span six zones,
 * including Phoenix (no daylight saving) and Honolulu.
 */
export const CN_SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林',
  '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘',
] as const;

export const CN_GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀',
  '霞', '平', '刚', '桂', '英', '华', '玲', '婷', '鹏', '辉', '浩', '宇', '欣', '怡', '晨', '雪', '峰', '琳',
] as const;

export type City = { readonly name: string; readonly zone: string; readonly weight: number };

export const CN_CITIES: readonly City[] = [
  { name: '北京', zone: 'Asia/Shanghai', weight: 10 }, { name: '上海', zone: 'Asia/Shanghai', weight: 10 },
  { name: '广州', zone: 'Asia/Shanghai', weight: 8 }, { name: '深圳', zone: 'Asia/Shanghai', weight: 8 },
  { name: '成都', zone: 'Asia/Shanghai', weight: 6 }, { name: '重庆', zone: 'Asia/Shanghai', weight: 6 },
  { name: '武汉', zone: 'Asia/Shanghai', weight: 5 }, { name: '西安', zone: 'Asia/Shanghai', weight: 5 },
  { name: '杭州', zone: 'Asia/Shanghai', weight: 5 }, { name: '郑州', zone: 'Asia/Shanghai', weight: 4 },
  { name: '长沙', zone: 'Asia/Shanghai', weight: 4 }, { name: '哈尔滨', zone: 'Asia/Shanghai', weight: 3 },
  { name: '昆明', zone: 'Asia/Shanghai', weight: 3 }, { name: '兰州', zone: 'Asia/Shanghai', weight: 2 },
  { name: '拉萨', zone: 'Asia/Shanghai', weight: 1 }, { name: '乌鲁木齐', zone: 'Asia/Urumqi', weight: 2 },
  { name: '喀什', zone: 'Asia/Urumqi', weight: 1 },
];

export const US_FIRST = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Carlos', 'Maria', 'Daniel', 'Sarah', 'Kevin', 'Aisha',
] as const;

export const US_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Lee', 'Nguyen',
] as const;

export const US_CITIES: readonly (City & { areaCode: string })[] = [
  { name: 'New York', zone: 'America/New_York', weight: 8, areaCode: '212' },
  { name: 'Atlanta', zone: 'America/New_York', weight: 4, areaCode: '404' },
  { name: 'Chicago', zone: 'America/Chicago', weight: 6, areaCode: '312' },
  { name: 'Houston', zone: 'America/Chicago', weight: 5, areaCode: '713' },
  { name: 'Denver', zone: 'America/Denver', weight: 3, areaCode: '303' },
  { name: 'Phoenix', zone: 'America/Phoenix', weight: 3, areaCode: '602' },
  { name: 'Los Angeles', zone: 'America/Los_Angeles', weight: 7, areaCode: '213' },
  { name: 'Seattle', zone: 'America/Los_Angeles', weight: 3, areaCode: '206' },
  { name: 'Anchorage', zone: 'America/Anchorage', weight: 1, areaCode: '907' },
  { name: 'Honolulu', zone: 'Pacific/Honolulu', weight: 1, areaCode: '808' },
];

export const CN_MOBILE_PREFIXES = ['130', '131', '135', '136', '138', '139', '150', '152', '158', '159', '177', '186', '188', '199'] as const;
