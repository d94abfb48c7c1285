-- Kitchen Pantry CRM: the ten Prisma models as Prisma's SQL Server provider creates them,
-- written in the T-SQL that H2's MODE=MSSQLServer accepts (no CLUSTERED/NONCLUSTERED keywords,
-- no named DEFAULT constraints). Statements end with a semicolon at the end of a line.

CREATE TABLE [User] (
    [id] NVARCHAR(1000) NOT NULL,
    [email] NVARCHAR(320) NOT NULL,
    [name] NVARCHAR(1000) NULL,
    [passwordHash] NVARCHAR(1000) NULL,
    [role] NVARCHAR(50) NOT NULL DEFAULT 'USER',
    [isActive] BIT NOT NULL DEFAULT ((1)),
    [loginCount] INT NOT NULL DEFAULT ((0)),
    [emailVerified] DATETIME2(7) NULL,
    [image] NVARCHAR(2048) NULL,
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [User_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [User_loginCount_check] CHECK ([loginCount] >= 0)
);

CREATE TABLE [Account] (
    [id] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [type] NVARCHAR(255) NOT NULL,
    [provider] NVARCHAR(255) NOT NULL,
    [providerAccountId] NVARCHAR(255) NOT NULL,
    [refresh_token] NVARCHAR(MAX) NULL,
    [access_token] NVARCHAR(MAX) NULL,
    [expires_at] INT NULL,
    [token_type] NVARCHAR(255) NULL,
    [scope] NVARCHAR(1000) NULL,
    [id_token] NVARCHAR(MAX) NULL,
    [session_state] NVARCHAR(1000) NULL,
    CONSTRAINT [Account_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Account_provider_providerAccountId_key] UNIQUE ([provider], [providerAccountId])
);

CREATE TABLE [Session] (
    [id] NVARCHAR(1000) NOT NULL,
    [sessionToken] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [expires] DATETIME2(7) NOT NULL,
    [userAgent] NVARCHAR(1000) NULL,
    CONSTRAINT [Session_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Session_sessionToken_key] UNIQUE ([sessionToken])
);

CREATE TABLE [VerificationToken] (
    [identifier] NVARCHAR(1000) NOT NULL,
    [token] NVARCHAR(1000) NOT NULL,
    [expires] DATETIME2(7) NOT NULL,
    CONSTRAINT [VerificationToken_token_key] UNIQUE ([token]),
    CONSTRAINT [VerificationToken_identifier_token_key] UNIQUE ([identifier], [token])
);

CREATE TABLE [Organization] (
    [id] NVARCHAR(1000) NOT NULL,
    [externalId] UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
    [name] NVARCHAR(255) NOT NULL,
    [priority] NCHAR(1) NOT NULL DEFAULT 'C',
    [segment] NVARCHAR(100) NOT NULL,
    [distributor] NVARCHAR(100) NULL,
    [accountManagerId] NVARCHAR(1000) NULL,
    [createdById] NVARCHAR(1000) NULL,
    [parentOrganizationId] NVARCHAR(1000) NULL,
    [address] NVARCHAR(500) NULL,
    [city] NVARCHAR(100) NULL,
    [state] NVARCHAR(50) NULL,
    [zipCode] VARCHAR(20) NULL,
    [phone] VARCHAR(50) NULL,
    [email] NVARCHAR(320) NULL,
    [website] NVARCHAR(2048) NULL,
    [notes] NVARCHAR(MAX) NULL,
    [annualRevenue] DECIMAL(18, 2) NULL,
    [creditLimit] MONEY NULL,
    [latitude] FLOAT NULL,
    [longitude] REAL NULL,
    [employeeCount] SMALLINT NULL,
    [isActive] BIT NOT NULL DEFAULT ((1)),
    [lastContactedAt] DATETIME NULL,
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [Organization_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Organization_priority_check] CHECK ([priority] IN ('A', 'B', 'C', 'D'))
);

CREATE TABLE [Contact] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [firstName] NVARCHAR(100) NOT NULL,
    [lastName] NVARCHAR(100) NOT NULL,
    [email] NVARCHAR(320) NULL,
    [phone] VARCHAR(50) NULL,
    [position] NVARCHAR(100) NULL,
    [isPrimary] BIT NOT NULL DEFAULT ((0)),
    [avatar] VARBINARY(MAX) NULL,
    [birthday] DATE NULL,
    [notes] NVARCHAR(MAX) NULL,
    [createdById] NVARCHAR(1000) NULL,
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [Contact_pkey] PRIMARY KEY ([id])
);

CREATE TABLE [OrganizationUser] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [userId] NVARCHAR(1000) NOT NULL,
    [role] NVARCHAR(50) NOT NULL DEFAULT 'MEMBER',
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT [OrganizationUser_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [OrganizationUser_organizationId_userId_key] UNIQUE ([organizationId], [userId])
);

CREATE TABLE [Opportunity] (
    [id] NVARCHAR(1000) NOT NULL,
    [number] BIGINT IDENTITY(1000, 1) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [contactId] NVARCHAR(1000) NULL,
    [ownerId] NVARCHAR(1000) NULL,
    [name] NVARCHAR(255) NOT NULL,
    [stage] NVARCHAR(50) NOT NULL DEFAULT 'LEAD',
    [status] NVARCHAR(50) NOT NULL DEFAULT 'OPEN',
    [probability] TINYINT NOT NULL DEFAULT ((0)),
    [amount] DECIMAL(12, 2) NULL,
    [commission] SMALLMONEY NULL,
    [weightedAmount] DECIMAL(38, 10) NULL,
    [expectedCloseDate] DATE NULL,
    [principal] NVARCHAR(100) NULL,
    [notes] NVARCHAR(MAX) NULL,
    [deletedAt] DATETIME2(7) NULL,
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [Opportunity_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Opportunity_number_key] UNIQUE ([number]),
    CONSTRAINT [Opportunity_probability_check] CHECK ([probability] >= 0 AND [probability] <= 100)
);

CREATE TABLE [Interaction] (
    [id] NVARCHAR(1000) NOT NULL,
    [organizationId] NVARCHAR(1000) NOT NULL,
    [contactId] NVARCHAR(1000) NULL,
    [opportunityId] NVARCHAR(1000) NULL,
    [userId] NVARCHAR(1000) NULL,
    [type] NVARCHAR(50) NOT NULL,
    [subject] NVARCHAR(255) NOT NULL,
    [description] NVARCHAR(MAX) NULL,
    [date] DATETIME2(7) NOT NULL,
    [startTime] TIME(7) NULL,
    [durationMinutes] INT NULL,
    [outcome] NVARCHAR(50) NULL,
    [followUpDate] DATE NULL,
    [scheduledAt] SMALLDATETIME NULL,
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [Interaction_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Interaction_durationMinutes_check] CHECK ([durationMinutes] >= 0)
);

CREATE TABLE [Setting] (
    [id] NVARCHAR(1000) NOT NULL,
    [category] NVARCHAR(100) NOT NULL,
    [key] NVARCHAR(100) NOT NULL,
    [label] NVARCHAR(255) NOT NULL,
    [value] NVARCHAR(MAX) NULL,
    [numericValue] DECIMAL(9, 4) NULL,
    [sortOrder] INT NOT NULL DEFAULT ((0)),
    [color] CHAR(7) NULL,
    [isActive] BIT NOT NULL DEFAULT ((1)),
    [createdAt] DATETIME2(7) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    [updatedAt] DATETIME2(7) NOT NULL,
    CONSTRAINT [Setting_pkey] PRIMARY KEY ([id]),
    CONSTRAINT [Setting_category_key_key] UNIQUE ([category], [key]),
    CONSTRAINT [Setting_sortOrder_check] CHECK ([sortOrder] >= 0)
);

-- Unique indexes and indexes, as Prisma names them.
CREATE UNIQUE INDEX [User_email_key] ON [User]([email]);
CREATE INDEX [User_role_idx] ON [User]([role]);
CREATE INDEX [User_isActive_idx] ON [User]([isActive]);
CREATE INDEX [User_createdAt_idx] ON [User]([createdAt] DESC);
CREATE INDEX [Account_userId_idx] ON [Account]([userId]);
CREATE INDEX [Session_userId_idx] ON [Session]([userId]);
CREATE INDEX [Session_expires_idx] ON [Session]([expires]);
CREATE INDEX [VerificationToken_expires_idx] ON [VerificationToken]([expires]);
CREATE UNIQUE INDEX [Organization_externalId_key] ON [Organization]([externalId]);
CREATE INDEX [Organization_name_idx] ON [Organization]([name]);
CREATE INDEX [Organization_priority_idx] ON [Organization]([priority]);
CREATE INDEX [Organization_segment_idx] ON [Organization]([segment]);
CREATE INDEX [Organization_distributor_idx] ON [Organization]([distributor]);
CREATE INDEX [Organization_accountManagerId_idx] ON [Organization]([accountManagerId]);
CREATE INDEX [Organization_createdById_idx] ON [Organization]([createdById]);
CREATE INDEX [Organization_parentOrganizationId_idx] ON [Organization]([parentOrganizationId]);
CREATE INDEX [Organization_priority_segment_idx] ON [Organization]([priority], [segment]);
CREATE INDEX [Organization_city_state_idx] ON [Organization]([city], [state]);
CREATE INDEX [Organization_updatedAt_idx] ON [Organization]([updatedAt] DESC);
CREATE INDEX [Contact_organizationId_idx] ON [Contact]([organizationId]);
CREATE INDEX [Contact_email_idx] ON [Contact]([email]);
CREATE INDEX [Contact_lastName_firstName_idx] ON [Contact]([lastName], [firstName]);
CREATE INDEX [Contact_createdById_idx] ON [Contact]([createdById]);
CREATE INDEX [OrganizationUser_userId_idx] ON [OrganizationUser]([userId]);
CREATE INDEX [Opportunity_organizationId_idx] ON [Opportunity]([organizationId]);
CREATE INDEX [Opportunity_contactId_idx] ON [Opportunity]([contactId]);
CREATE INDEX [Opportunity_ownerId_idx] ON [Opportunity]([ownerId]);
CREATE INDEX [Opportunity_stage_status_idx] ON [Opportunity]([stage], [status]);
CREATE INDEX [Opportunity_expectedCloseDate_idx] ON [Opportunity]([expectedCloseDate]);
CREATE INDEX [Opportunity_createdAt_idx] ON [Opportunity]([createdAt] DESC);
CREATE INDEX [Interaction_organizationId_date_idx] ON [Interaction]([organizationId], [date] DESC);
CREATE INDEX [Interaction_contactId_idx] ON [Interaction]([contactId]);
CREATE INDEX [Interaction_opportunityId_idx] ON [Interaction]([opportunityId]);
CREATE INDEX [Interaction_userId_idx] ON [Interaction]([userId]);
CREATE INDEX [Interaction_type_idx] ON [Interaction]([type]);
CREATE INDEX [Interaction_followUpDate_idx] ON [Interaction]([followUpDate]);
CREATE INDEX [Setting_category_sortOrder_idx] ON [Setting]([category], [sortOrder]);
CREATE INDEX [Setting_isActive_idx] ON [Setting]([isActive]);

-- Foreign keys: CASCADE, SET NULL and NO ACTION as the Prisma schema declares them.
ALTER TABLE [Account] ADD CONSTRAINT [Account_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [User]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [Session] ADD CONSTRAINT [Session_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [User]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [Organization] ADD CONSTRAINT [Organization_accountManagerId_fkey] FOREIGN KEY ([accountManagerId]) REFERENCES [User]([id]) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE [Organization] ADD CONSTRAINT [Organization_createdById_fkey] FOREIGN KEY ([createdById]) REFERENCES [User]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE [Organization] ADD CONSTRAINT [Organization_parentOrganizationId_fkey] FOREIGN KEY ([parentOrganizationId]) REFERENCES [Organization]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE [Contact] ADD CONSTRAINT [Contact_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [Organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [Contact] ADD CONSTRAINT [Contact_createdById_fkey] FOREIGN KEY ([createdById]) REFERENCES [User]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE [OrganizationUser] ADD CONSTRAINT [OrganizationUser_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [Organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [OrganizationUser] ADD CONSTRAINT [OrganizationUser_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [User]([id]) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE [Opportunity] ADD CONSTRAINT [Opportunity_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [Organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [Opportunity] ADD CONSTRAINT [Opportunity_contactId_fkey] FOREIGN KEY ([contactId]) REFERENCES [Contact]([id]) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE [Opportunity] ADD CONSTRAINT [Opportunity_ownerId_fkey] FOREIGN KEY ([ownerId]) REFERENCES [User]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE [Interaction] ADD CONSTRAINT [Interaction_organizationId_fkey] FOREIGN KEY ([organizationId]) REFERENCES [Organization]([id]) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE [Interaction] ADD CONSTRAINT [Interaction_contactId_fkey] FOREIGN KEY ([contactId]) REFERENCES [Contact]([id]) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE [Interaction] ADD CONSTRAINT [Interaction_opportunityId_fkey] FOREIGN KEY ([opportunityId]) REFERENCES [Opportunity]([id]) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE [Interaction] ADD CONSTRAINT [Interaction_userId_fkey] FOREIGN KEY ([userId]) REFERENCES [User]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION;
