/**
 * The 26 items of GB/T 42195-2022《老年人能力评估规范》, as given in
 * docs/domain/assessment-gbt42195.md: codes, dimensions, point ranges and option texts. The
 * points marked "(check)" there are implemented as written and listed in docs/policies.md.
 */
export type Localized = { 'zh-CN': string; en: string };

export const ASSESSMENT_DIMENSIONS = ['selfCare', 'motor', 'mental', 'perception'] as const;
export type AssessmentDimension = (typeof ASSESSMENT_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<AssessmentDimension, Localized> = {
  selfCare: { 'zh-CN': '自理能力', en: 'Self-care' },
  motor: { 'zh-CN': '基础运动能力', en: 'Basic motor ability' },
  mental: { 'zh-CN': '精神状态', en: 'Mental state' },
  perception: { 'zh-CN': '感知觉与社会参与', en: 'Perception and social participation' },
};

export interface AssessmentOption {
  points: number;
  label: Localized;
}

export interface AssessmentItem {
  code: string;
  dimension: AssessmentDimension;
  label: Localized;
  /** Highest points; the lowest is always 0. */
  max: number;
  /** One option per point value, highest first. */
  options: AssessmentOption[];
}

/** Options from the highest points down to 0. */
function scale(...labels: [zh: string, en: string][]): AssessmentOption[] {
  return labels.map(([zh, en], i) => ({ points: labels.length - 1 - i, label: { 'zh-CN': zh, en } }));
}

/** The common five-step assistance scale. */
const GENERIC = scale(
  ['独立完成，不需要协助', 'Does it alone, no help needed'],
  ['在他人指导或提示下完成', 'Does it with guidance or prompting'],
  ['需要他人协助，但以自身完成为主', 'Needs help but does most of it'],
  ['主要依靠他人协助，自身能给予配合', 'Mostly helped by others, cooperates'],
  ['完全依赖他人协助，且不能给予配合', 'Fully dependent, cannot cooperate'],
);

const ABILITY = scale(
  ['正常', 'Normal'],
  ['需增加时间', 'Needs more time'],
  ['需频繁重复或简化', 'Needs frequent repetition or simplification'],
  ['严重困难', 'Severe difficulty'],
  ['完全不能', 'Not at all'],
);

const NOT_IN_LAST_MONTH = scale(
  ['近一个月未出现', 'Not in the last month'],
  ['近一个月出现过', 'Occurred in the last month'],
);

function item(
  code: string,
  dimension: AssessmentDimension,
  zh: string,
  en: string,
  options: AssessmentOption[],
): AssessmentItem {
  return { code, dimension, label: { 'zh-CN': zh, en }, max: options[0]!.points, options };
}

export const ASSESSMENT_ITEMS: readonly AssessmentItem[] = [
  item(
    'eating',
    'selfCare',
    '进食',
    'Eating',
    scale(
      ['独立完成，无呛咳', 'Eats alone, no choking'],
      ['在指导或提示下完成，或独立使用辅具，无呛咳', 'With prompting or own aids, no choking'],
      ['需少量接触式协助，偶尔（每月≥1次）呛咳', 'Some hands-on help, occasional choking (≥1/month)'],
      ['需大量接触式协助，经常（每周≥1次）呛咳', 'Much hands-on help, frequent choking (≥1/week)'],
      ['完全依赖他人，或吞咽困难，或留置营养管', 'Fully dependent, swallowing difficulty or feeding tube'],
    ),
  ),
  item('grooming', 'selfCare', '修饰（洗脸、刷牙、梳头、刮脸、剪指甲）', 'Grooming', GENERIC),
  item('bathing', 'selfCare', '洗澡', 'Bathing', GENERIC),
  item('dressing_upper', 'selfCare', '穿/脱上衣', 'Dressing (upper body)', GENERIC),
  item('dressing_lower', 'selfCare', '穿/脱裤子和鞋袜', 'Dressing (trousers, shoes, socks)', GENERIC),
  item(
    'urine_control',
    'selfCare',
    '小便控制',
    'Urine control',
    scale(
      ['正常', 'Normal'],
      [
        '白天可控，夜间次数多或控制差，或自行使用尿布、尿垫',
        'Controlled by day, poor at night, or uses pads alone',
      ],
      ['白天大部分可控，偶有失禁', 'Mostly controlled by day, occasional incontinence'],
      [
        '白天大部分不能控制，夜间失禁，或需他人大量协助',
        'Mostly uncontrolled by day, incontinent at night, or much help',
      ],
      ['完全失禁，或留置导尿管', 'Fully incontinent or indwelling catheter'],
    ),
  ),
  item(
    'bowel_control',
    'selfCare',
    '大便控制',
    'Bowel control',
    scale(
      ['正常', 'Normal'],
      ['有时便秘或失禁，或自行使用开塞露、尿垫', 'Sometimes constipated or incontinent, or uses aids alone'],
      ['经常失禁，或需他人少量协助', 'Often incontinent, or some help'],
      ['大部分时间失禁，或需他人大量协助', 'Incontinent most of the time, or much help'],
      ['严重便秘或完全失禁', 'Severe constipation or fully incontinent'],
    ),
  ),
  item('toileting', 'selfCare', '如厕（含解裤、便后清洁、穿裤）', 'Toileting', GENERIC),

  item('bed_mobility', 'motor', '床上体位转移', 'Moving in bed', GENERIC),
  item('transfer', 'motor', '床椅转移', 'Bed–chair transfer', GENERIC),
  item(
    'walking',
    'motor',
    '平地行走',
    'Walking on level ground',
    scale(
      ['可独立平地行走约50m', 'Walks about 50 m alone'],
      [
        '能走约50m，但有跌倒风险，需他人监护、指导或使用拐杖、助行器',
        'Walks 50 m with fall risk: supervision or a walking aid',
      ],
      ['需他人少量扶持', 'Needs a little support'],
      ['需他人大量扶持', 'Needs much support'],
      ['完全不能步行', 'Cannot walk'],
    ),
  ),
  item(
    'stairs',
    'motor',
    '上下楼梯',
    'Stairs',
    scale(
      ['可独立上下楼梯（连续10–15级台阶）', 'Climbs 10–15 steps alone'],
      ['在他人指导或提示下完成', 'With guidance or prompting'],
      ['需要他人协助，但以自身完成为主', 'Needs help but does most of it'],
      ['主要依靠或完全依赖他人协助', 'Mostly or fully dependent'],
    ),
  ),

  item(
    'time_orientation',
    'mental',
    '时间定向',
    'Orientation in time',
    scale(
      ['时间观念清楚，知道年、月', 'Knows the year and month'],
      ['时间观念有些下降，年、月、日（星期）相差≥2天', 'Somewhat impaired, off by 2 days or more'],
      ['时间观念较差，仅知道季节', 'Knows only the season'],
      ['时间观念很差，仅知道上午或下午、白天或夜晚', 'Knows only day or night'],
      ['无时间观念', 'No sense of time'],
    ),
  ),
  item(
    'space_orientation',
    'mental',
    '空间定向',
    'Orientation in space',
    scale(
      ['能单独外出，不会迷路', 'Goes out alone without getting lost'],
      ['知道家庭住址', 'Knows the home address'],
      ['知道较多地址信息', 'Knows several places'],
      ['知道较少地址信息', 'Knows few places'],
      ['无空间观念', 'No sense of space'],
    ),
  ),
  item(
    'person_orientation',
    'mental',
    '人物定向',
    'Orientation to people',
    scale(
      [
        '认识长期共同生活的人，知道其称谓及关系',
        'Knows the people living with them and how they are related',
      ],
      ['认识大部分共同生活的人', 'Knows most of them'],
      ['认识部分共同生活的人', 'Knows some of them'],
      ['只认识自己或极少数人', 'Knows only themselves or very few'],
      ['不认识任何人', 'Knows nobody'],
    ),
  ),
  item(
    'memory',
    'mental',
    '记忆',
    'Memory',
    scale(
      ['总是能保持与社会、年龄相适应的记忆能力', 'Normal'],
      ['出现轻度的记忆紊乱或回忆不能', 'Mildly disturbed'],
      ['出现中度的记忆紊乱或回忆不能（近期记忆不能）', 'Moderately disturbed (no recent memory)'],
      ['出现重度的记忆紊乱或回忆不能（远期记忆不能）', 'Severely disturbed (no long-term memory)'],
      ['记忆完全紊乱或完全不能对既往事物进行正确回忆', 'Completely disturbed'],
    ),
  ),
  item('comprehension', 'mental', '理解能力', 'Comprehension', ABILITY),
  item('expression', 'mental', '表达能力', 'Expression', ABILITY),
  item('aggression', 'mental', '攻击行为', 'Aggressive behaviour', NOT_IN_LAST_MONTH),
  item('depression', 'mental', '抑郁症状', 'Depressive symptoms', NOT_IN_LAST_MONTH),
  item(
    'consciousness',
    'mental',
    '意识水平',
    'Consciousness',
    scale(
      ['神志清醒，对周围环境能做出正确反应', 'Fully conscious'],
      ['嗜睡或意识模糊', 'Drowsy or confused'],
      ['昏睡或昏迷', 'Stuporous or comatose'],
    ),
  ),

  item(
    'vision',
    'perception',
    '视力（最好矫正视力）',
    'Vision (best corrected)',
    scale(
      ['视力正常', 'Normal'],
      ['看不清报纸大标题，但能辨认物体', 'Cannot read headlines but recognises objects'],
      ['只能看到光、颜色和形状，或完全失明', 'Sees only light, colour and shape, or blind'],
    ),
  ),
  item(
    'hearing',
    'perception',
    '听力（可使用助听设备）',
    'Hearing (hearing aids allowed)',
    scale(
      ['听力正常', 'Normal'],
      ['需在大声说话或安静环境中才能听到', 'Needs a loud voice or a quiet room'],
      ['大声慢说才能部分听见，或完全失聪', 'Hears partly only when spoken to loudly and slowly, or deaf'],
    ),
  ),
  item(
    'daily_affairs',
    'perception',
    '执行日常事务（洗衣、小额购物、服药管理）',
    'Daily affairs (laundry, small purchases, medication)',
    scale(
      ['能完全独立计划、安排和完成日常事务', 'Plans and does them alone'],
      ['需要他人监护或指导', 'Needs supervision or guidance'],
      ['需要少量协助', 'Needs a little help'],
      ['需要大量协助', 'Needs much help'],
      ['完全依赖他人', 'Fully dependent'],
    ),
  ),
  item(
    'transportation',
    'perception',
    '使用交通工具外出',
    'Using transport',
    scale(
      ['能自己骑车或搭乘公共交通工具外出', 'Cycles or takes public transport alone'],
      ['能自己搭乘出租车，但不会搭乘其他公共交通工具', 'Takes a taxi alone, no other public transport'],
      ['当有人协助或陪伴时，可搭乘公共交通工具', 'Takes public transport with company'],
      ['只能在他人协助下搭乘出租车或私家车，或完全不能出门', 'Only by car with help, or cannot go out'],
    ),
  ),
  item(
    'social_interaction',
    'perception',
    '社会交往能力',
    'Social interaction',
    scale(
      ['参与社会，在社会环境有一定的适应能力，待人接物恰当', 'Takes part in society, adapts well'],
      ['能适应单纯环境，主动接触他人', 'Adapts to simple settings, seeks contact'],
      ['脱离社会，可被动接触，不会主动待人', 'Withdrawn, only passive contact'],
      ['勉强可与他人接触，谈吐内容不清楚，表情不恰当', 'Barely able to interact'],
      ['不能与人交往', 'Cannot interact with others'],
    ),
  ),
];

export type AssessmentItemCode = string;
export const ASSESSMENT_ITEM_CODES: readonly string[] = ASSESSMENT_ITEMS.map((i) => i.code);
export const ASSESSMENT_ITEMS_BY_CODE: ReadonlyMap<string, AssessmentItem> = new Map(
  ASSESSMENT_ITEMS.map((i) => [i.code, i]),
);
