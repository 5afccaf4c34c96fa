"""What readers and donors send us, for fundraising staff and moderators: one module per concept
(donations, readers' feedback, republications, payment events); monthly giving, newsletters and prompts
have their admin next to their models (donations/giving/, donations/newsletters/, donations/prompts/).

Reader text is only ever returned as plain strings, so the admin escapes it. Importing this package
registers every admin of the app.
"""

from donations.admin import donations, exports, feedback, payments, republishing  # noqa: F401 - registers
from donations.newsletters import admin as newsletters_admin  # noqa: F401 - registers
from donations.prompts import admin as prompts_admin  # noqa: F401 - registers
