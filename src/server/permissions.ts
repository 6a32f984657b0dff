import type { Role } from '@/db/schema'

/**
 * Who may call a route: `public` anyone; `read` anyone unless reading requires a login (`READ_REQUIRES_LOGIN`);
 * `user` any signed-in account; `write` editors and administrators; `admin` administrators alone.
 */
export type Access = 'public' | 'read' | 'user' | 'write' | 'admin'

/**
 * Every route of the server and who may call it. A route missing here is closed to everyone (the server refuses by
 * default), and the tests walk this table.
 */
export const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'user',
  'POST /api/setup': 'public',
  'POST /api/password': 'user',
  'GET /api/package/*': 'read',
  'GET /api/observations': 'read',
  'GET /api/observations/:id/history': 'read',
  'PATCH /api/observations/:id': 'write',
  'POST /api/observations/:id/withdraw': 'write',
  'GET /api/batches': 'read',
  'POST /api/batches': 'write',
  'GET /api/export': 'admin',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/tokens': 'user',
  'GET /api/tokens/all': 'admin',
  'POST /api/tokens': 'user',
  'DELETE /api/tokens/:id': 'user',
  'GET /data/*': 'read',
  'GET /*': 'public',
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 }

/** Whether someone with `role` (null: not signed in) may call a route of `access`. */
export function allows(access: Access | undefined, role: Role | null, readRequiresLogin: boolean): boolean {
  switch (access) {
    case 'public':
      return true
    case 'read':
      return !readRequiresLogin || role !== null
    case 'user':
      return role !== null
    case 'write':
      return role !== null && RANK[role] >= RANK.editor
    case 'admin':
      return role === 'admin'
    default:
      return false
  }
}
