import type { Database } from './database.js';

/**
 * Forward-only migrations, applied in order on open. Never edit one that has shipped: add another.
 * Plain PostgreSQL that PGlite and a server both run.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reference data',
    sql: `
      create table occupations (
        code text primary key,
        title text not null,
        description text not null,
        job_zone int
      );
      create table alternate_titles (code text not null, title text not null, short_title text, sources text);
      create index alternate_titles_code on alternate_titles (code);
      create table reported_titles (code text not null, title text not null);
      create table tasks (
        task_id int primary key,
        code text not null,
        statement text not null,
        task_type text,
        incumbents double precision,
        importance double precision,
        human_exposure text,
        gpt4_exposure text,
        gpt4_automation text,
        human_automation text
      );
      create index tasks_code on tasks (code);
      create table iwas (iwa_id text primary key, element_id text not null, title text not null);
      create table dwas (dwa_id text primary key, iwa_id text not null, element_id text not null, title text not null);
      create table task_dwas (code text not null, task_id int not null, dwa_id text not null);
      create index task_dwas_code on task_dwas (code);
      create table technology_skills (
        code text not null,
        example text not null,
        commodity_code int not null,
        commodity_title text not null,
        hot boolean not null,
        in_demand boolean
      );
      create index technology_skills_code on technology_skills (code);
      create table related_occupations (code text not null, related_code text not null, tier text not null, rank int not null);
      create index related_occupations_code on related_occupations (code);
      create table job_zone_names (job_zone int primary key, name text not null);
      create table education (code text not null, element_id text not null, element_name text not null,
        scale_id text not null, category int, value double precision not null);
      create index education_code on education (code);
      create table education_categories (element_id text not null, scale_id text not null,
        category int not null, description text not null);
      create table element_ratings (code text not null, domain text not null, element_id text not null,
        element_name text not null, scale_id text not null, value double precision not null);
      create index element_ratings_code on element_ratings (code);
      create table content_model (element_id text primary key, name text not null, description text not null);
      create table occupation_exposure (
        code text primary key,
        human_alpha double precision, human_beta double precision, human_gamma double precision,
        gpt4_alpha double precision, gpt4_beta double precision, gpt4_gamma double precision,
        labelled_tasks int not null,
        unlabelled_tasks int not null
      );
      create table published_exposure (
        code text primary key,
        human_alpha double precision not null, human_beta double precision not null, human_gamma double precision not null,
        gpt4_alpha double precision not null, gpt4_beta double precision not null, gpt4_gamma double precision not null
      );
      create table wages (soc text primary key, title text not null, employment double precision,
        median_annual double precision, median_hourly double precision);
      create table data_sources (
        source text primary key,
        version text not null,
        location text not null,
        loaded_at timestamptz not null,
        files jsonb not null
      );
    `,
  },
  {
    version: 2,
    name: 'skill vocabulary: O*NET tools and ESCO skills',
    sql: `
      create table tools_used (code text not null, example text not null, commodity_code int not null, commodity_title text not null);
      create index tools_used_code on tools_used (code);
      create table esco_skills (uri text, label text not null, synonyms text[] not null, skill_type text);
    `,
  },
  {
    version: 3,
    name: 'profiles and progress',
    sql: `
      create table profiles (
        id text primary key,
        name text not null,
        occupation_code text not null,
        target text not null,
        skills jsonb not null,
        hours_per_week int not null,
        start_date text not null,
        preferences jsonb not null,
        resume_text text,
        created_at timestamptz not null default now()
      );
      create table progress (
        profile_id text not null references profiles (id) on delete cascade,
        step_id text not null,
        status text not null,
        hours double precision,
        recorded_at timestamptz not null default now(),
        primary key (profile_id, step_id)
      );
    `,
  },
  {
    version: 4,
    name: 'observed AI use and employment outlook',
    sql: `
      create table observed_task_use (task_id int not null, code text not null, level text not null,
        pct double precision, percentile double precision, via text);
      create index observed_task_use_code on observed_task_use (code);
      create table activity_observed_use (
        iwa_id text primary key,
        share_user double precision not null,
        share_ai double precision not null,
        completion_user double precision,
        completion_ai double precision,
        scope_user double precision,
        scope_ai double precision
      );
      create table occupation_applicability (soc text primary key, title text not null,
        score double precision not null, percentile double precision not null);
      create table occupation_activity_weights (soc text not null, iwa_id text not null, weight double precision not null);
      create index occupation_activity_weights_soc on occupation_activity_weights (soc);
      create table employment_projections (soc text primary key, title text not null, pct_change double precision not null);
    `,
  },
  {
    version: 5,
    name: 'ESCO descriptions, collections and skill-to-skill relations',
    sql: `
      alter table esco_skills add column description text;
      alter table esco_skills add column collections text[] not null default '{}';
      alter table esco_skills add column position int;
      create table esco_skill_relations (skill_uri text not null, related_uri text not null, relation_type text not null);
    `,
  },
  {
    version: 6,
    name: 'accounts, sessions, access tokens, one-time links, audit log',
    sql: `
      create table settings (key text primary key, value jsonb not null);
      create table accounts (
        id text primary key,
        email text not null unique,
        name text not null,
        role text not null check (role in ('administrator', 'manager', 'employee', 'analyst')),
        manager_id text references accounts (id) on delete set null,
        password_hash text,
        created_at timestamptz not null default now()
      );
      create index accounts_manager on accounts (manager_id);
      alter table profiles add column owner_id text references accounts (id) on delete cascade;
      create index profiles_owner on profiles (owner_id);
      create table sessions (
        id_hash text primary key,
        account_id text not null references accounts (id) on delete cascade,
        csrf_token text not null,
        address text,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index sessions_account on sessions (account_id);
      create table access_tokens (
        id text primary key,
        account_id text not null references accounts (id) on delete cascade,
        name text not null,
        token_hash text not null unique,
        scope text not null check (scope in ('read', 'read-write')),
        created_at timestamptz not null,
        last_used_at timestamptz
      );
      create table one_time_links (
        token_hash text primary key,
        purpose text not null check (purpose in ('setup', 'invitation', 'password-reset')),
        account_id text references accounts (id) on delete cascade,
        email text,
        name text,
        role text,
        manager_id text references accounts (id) on delete set null,
        created_by text,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create table sign_in_failures (email text not null, address text not null, at timestamptz not null);
      create index sign_in_failures_email on sign_in_failures (email, at);
      create index sign_in_failures_address on sign_in_failures (address, at);
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null,
        actor_id text,
        actor_email text,
        action text not null,
        subject_profile_id text,
        subject_account_id text,
        address text,
        detail text not null
      );
      create index audit_log_at on audit_log (at);
    `,
  },
  {
    version: 7,
    name: 'job postings, their skills, term series and import runs',
    sql: `
      create table postings (
        id bigserial primary key,
        dataset text not null,
        external_id text,
        content_hash text not null unique,
        posted_month date not null,
        posted_on date,
        title text not null,
        company text,
        location text,
        remote text check (remote in ('remote', 'hybrid', 'onsite')),
        seniority text check (seniority in ('intern', 'junior', 'mid', 'senior', 'lead', 'executive')),
        salary_min numeric, salary_max numeric, salary_currency text,
        salary_period text check (salary_period in ('year', 'month', 'hour')),
        occupation_code text,
        occupation_score real,
        import_id bigint,
        unique (dataset, external_id)
      );
      create index postings_month on postings (posted_month);
      create index postings_occupation_month on postings (occupation_code, posted_month);
      create table posting_skills (
        posting_id bigint not null references postings (id) on delete cascade,
        skill_id text not null,
        label text not null,
        kind text not null,
        esco_uri text,
        primary key (posting_id, skill_id)
      );
      create index posting_skills_skill on posting_skills (skill_id);
      create table posting_term_counts (
        series text not null,
        month date not null,
        term text not null,
        rule text,
        posts integer not null,
        mentions integer not null,
        primary key (series, month, term)
      );
      create table posting_imports (
        id bigserial primary key,
        dataset text not null,
        file text not null,
        file_fingerprint text not null,
        layout text not null,
        status text not null check (status in ('running', 'done', 'failed')),
        rows_read bigint not null default 0,
        rows_kept bigint not null default 0,
        duplicates bigint not null default 0,
        bad_rows bigint not null default 0,
        resume_line bigint not null default 0,
        started_at timestamptz not null default now(),
        finished_at timestamptz
      );
      create index posting_imports_fingerprint on posting_imports (file_fingerprint, status);
      create table posting_import_errors (
        import_id bigint not null references posting_imports (id) on delete cascade,
        line bigint not null,
        field text,
        message text not null
      );
      create index posting_import_errors_import on posting_import_errors (import_id, line);
      -- An import split into jobs (PostgreSQL server): one row per batch of lines put on the queue,
      -- done once its postings are stored, so a job run twice stores nothing twice.
      create table posting_import_chunks (
        import_id bigint not null references posting_imports (id) on delete cascade,
        first_line bigint not null,
        last_line bigint not null,
        rows integer not null,
        status text not null check (status in ('queued', 'done')),
        done_by text,
        primary key (import_id, first_line)
      );
    `,
  },
  {
    version: 8,
    name: 'organisation: roster people, their skills and gaps, freelancer bench, staffing scenarios',
    sql: `
      create table org_people (
        person_key text primary key,
        name text,
        email text,
        title text not null,
        team text,
        department text,
        manager_key text,
        level text,
        years_in_role real,
        location text,
        learning_hours_per_week real,
        occupation_code text,
        title_score real,
        title_confirmed boolean not null default false,
        title_clear boolean not null default false,
        resume_file text,
        target text,
        fictional boolean not null default false,
        source_file text,
        source_line int,
        updated_at timestamptz not null default now()
      );
      create index org_people_email on org_people (lower(email));
      create index org_people_team on org_people (team);
      create table org_person_skills (
        person_key text not null references org_people on delete cascade,
        skill_id text not null,
        level integer not null,
        source text not null check (source in ('roster', 'resume', 'onet-default')),
        primary key (person_key, skill_id)
      );
      create table org_person_gaps (
        person_key text not null references org_people on delete cascade,
        skill_id text not null,
        label text not null,
        current_level integer not null,
        target_level integer not null,
        hours real not null,
        primary key (person_key, skill_id)
      );
      create index org_person_gaps_skill on org_person_gaps (skill_id);
      create table org_freelancers (
        id bigserial primary key,
        name text not null,
        skills text[] not null,
        rate_per_hour numeric not null,
        currency text not null default 'USD',
        hours_per_week real,
        available_from date
      );
      create table org_scenarios (name text primary key, assumptions jsonb not null, updated_at timestamptz not null default now());
      create table org_team_targets (team text primary key, target text not null);
    `,
  },
  {
    version: 9,
    name: 'news and insight records, linked to skills, occupations and roles',
    sql: `
      create table insights (
        id text primary key,
        title text not null,
        excerpt text not null,
        body text,
        published_at timestamptz not null,
        provider text,
        provider_domain text,
        url text,
        quality real,
        heat real,
        topics jsonb not null,
        images jsonb not null,
        related jsonb not null,
        source text not null,
        imported_at timestamptz not null default now()
      );
      create index insights_published on insights (published_at);
      create table insight_links (
        insight_id text not null references insights (id) on delete cascade,
        kind text not null check (kind in ('skill', 'occupation', 'role')),
        ref text not null,
        label text not null,
        primary key (insight_id, kind, ref)
      );
      create index insight_links_ref on insight_links (kind, ref);
    `,
  },
  {
    // Cohort plans (issue 13, item 5): only accounts and profiles are referenced, so it applies in any order
    // with the organisation's own migration; members are named by the roster's person key.
    version: 10,
    name: 'cohort plans and their members',
    sql: `
      create table org_cohorts (
        id text primary key,
        name text not null unique,
        target text not null,
        team text,
        start_date text not null,
        hours_per_week int,
        created_by text references accounts (id) on delete set null,
        created_at timestamptz not null default now()
      );
      create table org_cohort_members (
        cohort_id text not null references org_cohorts (id) on delete cascade,
        person_key text not null,
        name text not null,
        team text,
        profile_id text references profiles (id) on delete set null,
        hours_per_week int not null,
        baseline jsonb not null,
        primary key (cohort_id, person_key)
      );
      create index org_cohort_members_profile on org_cohort_members (profile_id);
    `,
  },
];

/** Applies the migrations this database has not seen yet, under a lock so two processes can't race. */
export async function migrate(database: Database): Promise<void> {
  await database.query(
    'create table if not exists schema_migrations ' +
      '(version int primary key, name text not null, applied_at timestamptz not null default now())',
  );
  await database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7401)');
    const applied = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
  });
}
