-- Paper Pro-M clusters chain analyses, several per user: a membership is keyed by its member (the user itself, or one
-- analysis of a user's past choice) and names the user it belongs to. Each saved population says which Pro-M its
-- prototypes serve, so a process that loads it places users the same way.
ALTER TABLE prototype_memberships ADD COLUMN member_id TEXT;
UPDATE prototype_memberships SET member_id = user_id;
ALTER TABLE prototype_memberships ALTER COLUMN member_id SET NOT NULL;
ALTER TABLE prototype_memberships DROP CONSTRAINT prototype_memberships_pkey;
ALTER TABLE prototype_memberships ADD PRIMARY KEY (member_id);
ALTER TABLE population_builds ADD COLUMN pro_m TEXT NOT NULL DEFAULT 'persona';
