-- The schema behind src/test/resources/fixtures/sqlserver-catalog.json, in real T-SQL.
-- SqlServerContainerIT creates it on SQL Server (where Docker runs) and compares what Ferry reads
-- from the catalog with what it reads from the fixture. Batches are separated by GO lines.
CREATE SCHEMA sales
GO
CREATE SEQUENCE dbo.OrderNumbers AS bigint START WITH 1000 INCREMENT BY 1
GO
CREATE SEQUENCE dbo.BigCounter AS decimal(38, 0) START WITH 1 INCREMENT BY 1
GO
CREATE SEQUENCE sales.TicketNo AS int START WITH 5 INCREMENT BY 5 MINVALUE 5 MAXVALUE 1000 CYCLE CACHE 10
GO
CREATE TABLE dbo.Customer (
    Id int IDENTITY(1,1) NOT NULL CONSTRAINT PK_Customer PRIMARY KEY CLUSTERED,
    Email nvarchar(320) COLLATE SQL_Latin1_General_CP1_CI_AS NOT NULL CONSTRAINT UQ_Customer_Email UNIQUE,
    Name nvarchar(max) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    IsActive bit NOT NULL CONSTRAINT DF_Customer_IsActive DEFAULT ((1)),
    CreatedAt datetime2(7) NOT NULL CONSTRAINT DF_Customer_CreatedAt DEFAULT (getdate()),
    ExternalId uniqueidentifier NOT NULL CONSTRAINT DF_Customer_ExternalId DEFAULT (newid()),
    Balance money NOT NULL CONSTRAINT DF_Customer_Balance DEFAULT ((0)),
    Code char(5) COLLATE Latin1_General_BIN2 NULL,
    Country nvarchar(2) COLLATE SQL_Latin1_General_CP1_CI_AS NOT NULL CONSTRAINT DF_Customer_Country DEFAULT (N'US'),
    UpdatedUtc datetime NULL CONSTRAINT DF_Customer_UpdatedUtc DEFAULT (getutcdate())
)
GO
CREATE TABLE dbo.Product (
    ProductId int IDENTITY(0,1) NOT NULL CONSTRAINT PK_Product PRIMARY KEY CLUSTERED,
    Sku varchar(40) COLLATE SQL_Latin1_General_CP1_CI_AS NOT NULL,
    Price smallmoney NULL,
    Weight float NULL,
    Ratio real NULL,
    Discount decimal(5,4) NULL,
    PriceWithTax AS ([Price]*(1.2)) PERSISTED,
    Label AS (([Sku]+'-')+CONVERT([varchar](10),[ProductId])),
    DeletedAt datetime2(3) NULL,
    Photo varbinary(max) NULL,
    NameLength AS (len([Sku])),
    CONSTRAINT UQ_Product_Sku_Price UNIQUE (Sku, Price),
    CONSTRAINT CK_Product_Sku CHECK (len([Sku])>(2)),
    CONSTRAINT CK_Product_Odd CHECK (datediff(day,[DeletedAt],getdate())>(0))
)
GO
CREATE UNIQUE NONCLUSTERED INDEX UX_Product_Sku ON dbo.Product (Sku) WHERE ([DeletedAt] IS NULL)
GO
CREATE NONCLUSTERED INDEX IX_Product_Price ON dbo.Product (Price DESC)
GO
CREATE NONCLUSTERED COLUMNSTORE INDEX CCI_Product ON dbo.Product (Price)
GO
CREATE NONCLUSTERED INDEX IX_Product_Disabled ON dbo.Product (Weight)
GO
ALTER INDEX IX_Product_Disabled ON dbo.Product DISABLE
GO
CREATE TABLE sales.[Order] (
    OrderId bigint IDENTITY(1000,10) NOT NULL CONSTRAINT PK_Order PRIMARY KEY CLUSTERED,
    CustomerId int NOT NULL,
    ProductId int NULL,
    Quantity tinyint NOT NULL CONSTRAINT DF_Order_Quantity DEFAULT ((1)),
    Total decimal(18,2) NOT NULL,
    Notes varchar(max) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    OrderedAt datetimeoffset(7) NOT NULL,
    ShipTime time(7) NULL,
    Status nvarchar(20) COLLATE SQL_Latin1_General_CP1_CI_AS NOT NULL CONSTRAINT DF_Order_Status DEFAULT (N'new'),
    OrderNumber bigint NOT NULL CONSTRAINT DF_Order_OrderNumber DEFAULT (NEXT VALUE FOR [dbo].[OrderNumbers]),
    CONSTRAINT FK_Order_Customer FOREIGN KEY (CustomerId) REFERENCES dbo.Customer (Id) ON DELETE CASCADE,
    CONSTRAINT FK_Order_Product FOREIGN KEY (ProductId) REFERENCES dbo.Product (ProductId) ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT FK_Order_Disabled FOREIGN KEY (CustomerId) REFERENCES dbo.Customer (Id),
    CONSTRAINT CK_Order_Quantity CHECK ([Quantity]>(0)),
    CONSTRAINT CK_Order_Status CHECK ([Status]=N'new' OR [Status]=N'paid' OR [Status]=N'shipped'),
    CONSTRAINT CK_Order_Old CHECK ([Total]>(0))
)
GO
ALTER TABLE sales.[Order] NOCHECK CONSTRAINT FK_Order_Disabled
GO
ALTER TABLE sales.[Order] NOCHECK CONSTRAINT CK_Order_Old
GO
CREATE NONCLUSTERED INDEX IX_Order_Customer ON sales.[Order] (CustomerId, OrderedAt DESC) INCLUDE (Total)
GO
CREATE TABLE dbo.AuditLog (
    Id bigint NOT NULL,
    Data xml NULL,
    Variant sql_variant NULL,
    Node hierarchyid NULL,
    Location geography NULL,
    Shape geometry NULL,
    Version rowversion NOT NULL,
    LoggedAt datetimeoffset(3) NOT NULL,
    Small smalldatetime NULL,
    Blob image NULL,
    Memo ntext COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    OldText text COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    Login sysname NOT NULL,
    Payload varbinary(8000) NULL,
    Hash binary(32) NULL
)
GO
-- Partitioned: SQL Server adds the partitioning column to the aligned IX_EventLog_Kind (key_ordinal 0).
CREATE PARTITION FUNCTION pf_EventDate (date) AS RANGE RIGHT FOR VALUES ('2024-01-01')
GO
CREATE PARTITION SCHEME ps_EventDate AS PARTITION pf_EventDate ALL TO ([PRIMARY])
GO
CREATE TABLE dbo.EventLog (
    Id bigint NOT NULL,
    EventDate date NOT NULL,
    Kind varchar(20) COLLATE SQL_Latin1_General_CP1_CI_AS NOT NULL,
    CustomerId int NULL,
    FirstName nvarchar(50) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    LastName nvarchar(50) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    FullName AS ([FirstName] + ' ' + [LastName]),
    CONSTRAINT PK_EventLog PRIMARY KEY CLUSTERED (Id, EventDate),
    CONSTRAINT CK_EventLog_Kind CHECK (datalength([Kind])<=(40))
) ON ps_EventDate (EventDate)
GO
CREATE NONCLUSTERED INDEX IX_EventLog_Kind ON dbo.EventLog (Kind) ON ps_EventDate (EventDate)
GO
-- Untrusted (is_not_trusted = 1): added WITH NOCHECK, so existing rows may violate them.
ALTER TABLE dbo.EventLog WITH NOCHECK ADD CONSTRAINT CK_EventLog_Date CHECK ([EventDate]>='2000-01-01')
GO
ALTER TABLE dbo.EventLog WITH NOCHECK ADD CONSTRAINT FK_EventLog_Customer FOREIGN KEY (CustomerId) REFERENCES dbo.Customer (Id)
GO
-- Issue 15.1: two tables of dbo with an index of the same name.
CREATE NONCLUSTERED INDEX IX_Stamp ON dbo.Customer (CreatedAt)
GO
CREATE NONCLUSTERED INDEX IX_Stamp ON dbo.Product (DeletedAt)
GO
-- Issue 15.2: views, with the text sys.sql_modules keeps (the test compares it without comments and spacing).
CREATE VIEW [dbo].[vActiveCustomers] WITH SCHEMABINDING AS
SELECT TOP (100) c.[Id], ISNULL(c.[Name], N'') + N' <' + c.[Email] + N'>' AS [Display],
       CONVERT(nvarchar(30), c.[Country]) AS CountryText, GETDATE() AS ReadAt
FROM [dbo].[Customer] c WHERE c.[IsActive] = 1 ORDER BY c.[Id]
GO
CREATE VIEW sales.vOrderTotals AS
SELECT o.CustomerId, COUNT(*) AS Orders, SUM(o.Total) AS Total FROM [Order] o GROUP BY o.CustomerId
GO
CREATE VIEW dbo.vTopCustomers AS
SELECT a.Id, a.Display, t.Total FROM dbo.vActiveCustomers a JOIN sales.vOrderTotals t ON t.CustomerId = a.Id
GO
CREATE VIEW dbo.vCustomerLatestOrder AS
SELECT c.Id, x.Total FROM dbo.Customer c
CROSS APPLY (SELECT TOP 1 o.Total FROM sales.[Order] o WHERE o.CustomerId = c.Id ORDER BY o.OrderedAt DESC) x
GO
CREATE VIEW dbo.vLatestTotals AS SELECT Id, Total FROM dbo.vCustomerLatestOrder
GO
CREATE VIEW dbo.vSecret WITH ENCRYPTION AS SELECT 1 AS One
GO
-- Issue 15.4: MS_Description on tables, columns and views.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'People who buy; ''active'' ones may order',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customer'
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unique, compared case-insensitively',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customer',
    @level2type = N'COLUMN', @level2name = N'Email'
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Drawn from dbo.OrderNumbers',
    @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'Order',
    @level2type = N'COLUMN', @level2name = N'OrderNumber'
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Active customers, first 100',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'VIEW', @level1name = N'vActiveCustomers'
GO
CREATE PROCEDURE dbo.usp_Rebuild AS BEGIN SET NOCOUNT ON; END
GO
CREATE FUNCTION dbo.fn_Total (@a int) RETURNS int AS BEGIN RETURN @a END
GO
CREATE TRIGGER dbo.trg_Audit ON dbo.Customer AFTER UPDATE AS BEGIN SET NOCOUNT ON; END
GO
-- The sequence hands out 1000 to 1041, so its last_used_value matches the fixture's.
DECLARE @n bigint, @i int = 0; WHILE @i < 42 BEGIN SET @n = NEXT VALUE FOR dbo.OrderNumbers; SET @i += 1; END
GO
-- Rows so that IDENT_CURRENT matches the fixture's last_value (Customer 250, Product 41).
INSERT INTO dbo.Customer (Email) SELECT TOP 250 CONCAT('c', ROW_NUMBER() OVER (ORDER BY (SELECT NULL)), '@example.com') FROM sys.all_columns
GO
INSERT INTO dbo.Product (Sku) SELECT TOP 42 CONCAT('sku', ROW_NUMBER() OVER (ORDER BY (SELECT NULL))) FROM sys.all_columns
GO
