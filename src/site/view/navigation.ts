/** The main navigation of the site (主导航). */
export interface NavItem {
  href: string;
  label: string;
}

export const navItems: NavItem[] = [
  { href: '/', label: '首页' },
  { href: '/manual/', label: '质量手册' },
  { href: '/procedures/', label: '程序文件' },
  { href: '/knowledge/', label: '知识库' },
  { href: '/records/', label: '质量记录' },
  { href: '/external/', label: '外来文件' },
  { href: '/departments/', label: '部门' },
  { href: '/matrices/', label: '矩阵' },
  { href: '/archive/', label: '作废文件' },
  { href: '/register/', label: '登记表' },
  { href: '/audit/', label: '某日在用版本' },
];
