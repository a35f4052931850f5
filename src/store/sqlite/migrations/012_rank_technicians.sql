-- The company-wide leaderboard ranks technicians by default, not admins (issue 11). New admins
-- start unranked (app::Accounts); of the admins already here, those who never closed a ticket
-- come off the board. Admins with closes stay on it: they work tickets, and taking them off
-- would silently drop a working person's record. An admin can put anyone back (Users → Edit).
UPDATE users SET ranked = 0
 WHERE role = 'admin'
   AND NOT EXISTS (SELECT 1 FROM closed_daily WHERE closed_daily.agent_id = users.id);
