/** Who may do what with the public figures and data: reading is public; editing the regional needs is for platform admins. */
import { staff, type Access } from '../platform/http/access.js';

/** Staff edit of the regional needs table. */
export const NEEDS_EDIT: Access = staff('admin');
