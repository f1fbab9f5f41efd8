/** organization.yaml's people: found by name and by Git identity; an identity belongs to one person only. */
import { describe, expect, it } from 'vitest';
import { indexPeople } from '../../src/model/organization.ts';
import { organizationSchema } from '../../src/model/schemas/organization.ts';

const base = {
  institution: { name: '测试学院' },
  departments: [{ id: 'zgb', name: '质量管理与教学督导办公室', shortName: '质管办', kind: 'administrative' }],
  numbering: Object.fromEntries(['manual-section', 'procedure', 'flow', 'standard', 'regulation', 'record'].map((t) => [t, { pattern: '^X$', example: 'X' }])),
  versionScheme: { style: 'letter-number', separator: '/' },
  reviewCycleMonths: { default: 36 },
  roles: ['院长', '部门负责人'],
};

describe('people in organization.yaml', () => {
  it('are found by name, e-mail and user name in any case', () => {
    const org = organizationSchema.parse({
      ...base,
      people: [{ name: '刘明华', department: '质管办', roles: ['部门负责人'], emails: ['LiuMH@example.edu.cn'], usernames: ['liuminghua'] }],
    });
    const people = indexPeople(org);
    expect(people.byName('刘明华')?.department).toBe('质管办');
    expect(people.byIdentity('liumh@EXAMPLE.edu.cn')?.name).toBe('刘明华');
    expect(people.byIdentity(' LiuMingHua ')?.name).toBe('刘明华');
    expect(people.byIdentity('someone@example.edu.cn')).toBeUndefined();
  });

  it('reject a role not declared, a name listed twice and an identity given to two people', () => {
    const result = organizationSchema.safeParse({
      ...base,
      people: [
        { name: '刘明华', department: '质管办', roles: ['处长'], usernames: ['lmh'] },
        { name: '刘明华', department: '质管办', roles: ['部门负责人'] },
        { name: '孙晓燕', department: '质管办', roles: ['部门负责人'], usernames: ['LMH'] },
      ],
      signoff: { procedure: { approve: ['校长'] } },
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'people.0.roles.0: 职务“处长”没有在 roles 中列出：请在 roles 中加上它，或改为 院长、部门负责人 之一',
      'signoff.procedure.approve.0: 职务“校长”没有在 roles 中列出：请在 roles 中加上它，或改为 院长、部门负责人 之一',
      'people.2.usernames.0: “LMH”已登记为 刘明华 的身份：一个邮箱或用户名只能属于一个人',
      'people.1.name: 人员“刘明华”重复列出（第 1 项已有）：同名的两人请加以区分（如 王芳（教务处））',
    ]);
  });
});
