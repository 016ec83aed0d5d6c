<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertListModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>暂缓到 %1</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>已隐藏 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>到明天</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>一周</translation>
    </message>
    <message>
        <source>For a month</source>
        <translation>一个月</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>到指定日期…</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>暂缓到</translation>
    </message>
    <message>
        <source>Start win-back plan…</source>
        <translation>开始挽回计划…</translation>
    </message>
    <message>
        <source>Show dismissed and snoozed</source>
        <translation>显示已忽略和暂缓的</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Hide this alert until its condition clears (Delete)</source>
        <translation>隐藏此预警，直到情况解除（Delete）</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Everyone</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>As of today, whatever the period. Point at a bar for the exact figures.</source>
        <translation>按今天计算，与所选期间无关。鼠标指向柱形可看准确数字。</translation>
    </message>
    <message>
        <source>Scores as of the file&apos;s last opening, over the tier window, whatever the period. Point at a circle for its customers.</source>
        <translation>得分按最近一次打开文件时、在分级期间内计算，与所选期间无关。鼠标指向圆圈可看其中的客户。</translation>
    </message>
    <message>
        <source>Point at a bar for the figures; click it to open the customer.</source>
        <translation>鼠标指向柱形可看数字，单击打开该客户。</translation>
    </message>
    <message>
        <source>Point at a bar for the exact figures.</source>
        <translation>鼠标指向柱形可看准确数字。</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved:
%1</source>
        <translation>图表未能保存：
%1</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>经营概览</translation>
    </message>
    <message>
        <source>&amp;Save as PNG…</source>
        <translation>保存为 PNG(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups of %1</source>
        <translation>%1 的备份</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Automatic backups: %1</source>
        <translation>自动备份位置：%1</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from another file…</source>
        <translation>从其他文件恢复…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>crmdesk backs the file up when you close it and every half hour while it changes. It keeps every backup of the last day, one a day for two weeks, one a week for two months and one a month for a year. Restoring keeps the current file beside it; nothing is deleted.</source>
        <translation>crmdesk 在关闭文件时、以及文件有改动期间每半小时自动备份一次。最近一天的备份全部保留，之后两周内每天保留一份、两个月内每周一份、一年内每月一份。恢复时当前文件会保留在旁边，不会删除任何文件。</translation>
    </message>
    <message>
        <source>The file was left exactly as it is; crmdesk never deletes it.</source>
        <translation>文件保持原样，crmdesk 不会删除它。</translation>
    </message>
    <message>
        <source>There is no backup of it. Restore from another file, or look for a copy.</source>
        <translation>没有找到它的备份。可以从其他文件恢复，或寻找一份副本。</translation>
    </message>
    <message>
        <source>Checking the backups, newest first…</source>
        <translation>正在从最新的开始检查备份…</translation>
    </message>
    <message>
        <source>The newest backup that passes its check is chosen below. Restoring puts it in the file&apos;s place and keeps the damaged file beside it.</source>
        <translation>下面已选中通过检查的最新备份。恢复会用它替换该文件，并把损坏的文件保留在旁边。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>beside the file</source>
        <translation>文件旁</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>None of the backups passes its check.</source>
        <translation>没有一个备份通过检查。</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>crmdesk customer files (*%1);;All files (*)</source>
        <translation>crmdesk 客户文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Restore the backup of %1?</source>
        <translation>恢复 %1 的备份吗？</translation>
    </message>
    <message>
        <source>It holds %1 customers; last changed %2.</source>
        <translation>备份中有 %1 位客户，最后修改于 %2。</translation>
    </message>
    <message>
        <source>The file now holds %1 customers; last changed %2.</source>
        <translation>当前文件有 %1 位客户，最后修改于 %2。</translation>
    </message>
    <message>
        <source>The file it replaces is kept beside it as %1.</source>
        <translation>被替换的文件会保留在旁边，名为 %1。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>CalendarItemModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>age {years}</source>
        <translation>{years}岁</translation>
    </message>
    <message>
        <source>{years} yrs</source>
        <translation>{years}周年</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>无安排</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>1 customer matches the filter now.</source>
        <translation>目前有 1 位客户符合条件。</translation>
    </message>
    <message>
        <source>{count} customers match the filter now.</source>
        <translation>目前有 {count} 位客户符合条件。</translation>
    </message>
    <message>
        <source>Not before the start ({date}).</source>
        <translation>不能早于开始日期（{date}）。</translation>
    </message>
    <message>
        <source>orders until {date} count</source>
        <translation>计入 {date} 前的订单</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建市场活动</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>编辑市场活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Cost (¥)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <source>Window (days)</source>
        <translation>归因期（天）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>买过</translation>
    </message>
    <message>
        <source>Not bought</source>
        <translation>没买过</translation>
    </message>
    <message>
        <source>Customers to target</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Orders of a reached customer count for the campaign from the day reached until this many days after the end</source>
        <translation>已触达客户的订单，从触达当天起到活动结束后这么多天内，计入本活动</translation>
    </message>
    <message>
        <source>Province, city or region, e.g. 广东, 北京</source>
        <translation>省、市或地区，如 广东、北京</translation>
    </message>
    <message>
        <source>Any of these tags</source>
        <translation>带有其中任一标签</translation>
    </message>
    <message>
        <source>Bought any of these products</source>
        <translation>买过其中任一产品</translation>
    </message>
    <message>
        <source>Bought none of these products</source>
        <translation>这些产品都没买过</translation>
    </message>
    <message>
        <source>Separate several with commas.</source>
        <translation>多个请用逗号分隔。</translation>
    </message>
    <message>
        <source>In this file: {values}</source>
        <translation>本文件中有：{values}</translation>
    </message>
    <message>
        <source>Choose the customers again by this filter (reached customers stay)</source>
        <translation>按此条件重新选择客户（已触达的客户保留）</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Campaign</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Targeted</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投入产出比</translation>
    </message>
</context>
<context>
    <name>CampaignsWindow</name>
    <message>
        <source>Delete campaign</source>
        <translation>删除市场活动</translation>
    </message>
    <message>
        <source>Delete the campaign “{name}”? Its customers and orders stay.</source>
        <translation>删除市场活动“{name}”？其客户和订单会保留。</translation>
    </message>
    <message>
        <source>A customer cannot be reached after today.</source>
        <translation>触达日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Not before the campaign starts ({date}).</source>
        <translation>不能早于活动开始（{date}）。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>ROI: none, the campaign cost nothing (gross margin {margin})</source>
        <translation>投入产出比：无，本活动没有成本（毛利 {margin}）</translation>
    </message>
    <message>
        <source>ROI = (gross margin {margin} − cost {cost}) ÷ cost {cost} = {roi}</source>
        <translation>投入产出比 =（毛利 {margin} − 成本 {cost}）÷ 成本 {cost} = {roi}</translation>
    </message>
    <message>
        <source>Counted: {orders} orders, revenue {revenue}, of the {reached} customers reached (of {targeted} targeted), from the day each was reached until {last} (end + {days} days), up to today {today}.</source>
        <translation>计入：{reached} 位已触达客户（目标客户 {targeted} 位）的 {orders} 笔订单，收入 {revenue}；从各自触达当天起至 {last}（结束后 {days} 天），截至今天 {today}。</translation>
    </message>
    <message>
        <source>{count} of these orders have no cost: they are in the revenue but not in the gross margin, so the ROI leaves their margin out.</source>
        <translation>其中 {count} 笔订单没有成本：计入收入但不计入毛利，投入产出比不含它们的毛利。</translation>
    </message>
    <message>
        <source>Customers of “{name}”: select them to mark them reached</source>
        <translation>“{name}”的客户：选中后可标记为已触达</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建市场活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No campaigns yet. A campaign chooses customers by a filter; mark those you reached, and their orders show what it paid back.</source>
        <translation>还没有市场活动。市场活动按条件选出客户；标记已触达的客户后，他们的订单会显示活动的回报。</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>触达日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Mark reached</source>
        <translation>标记已触达</translation>
    </message>
    <message>
        <source>Mark the selected customers reached on this day</source>
        <translation>把选中的客户标记为在这一天已触达</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未触达</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Open the customer (Enter or double-click)</source>
        <translation>打开客户（回车或双击）</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Tiers and revenue share</source>
        <translation>客户分级与销售占比</translation>
    </message>
    <message>
        <source>Sales per month</source>
        <translation>月度销售</translation>
    </message>
    <message>
        <source>Products and margin</source>
        <translation>产品与毛利</translation>
    </message>
    <message>
        <source>Customer contribution</source>
        <translation>客户贡献</translation>
    </message>
    <message>
        <source>Receivables by age</source>
        <translation>应收账款账龄</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户细分</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Regions and sources</source>
        <translation>地区与来源</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount (10,000 yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <source>Amount (thousand yuan)</source>
        <translation>金额（千元）</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>此期间没有数据</translation>
    </message>
    <message>
        <source>Customers and revenue by tier</source>
        <translation>各级客户数与销售额占比</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <source>%1 of %2 buyers (%3) make %4% of the revenue</source>
        <translation>%2 位购买客户中，前 %1 位（%3）贡献了 %4% 的销售额</translation>
    </message>
    <message>
        <source>Customers: %1 (%2)</source>
        <translation>客户：%1（%2）</translation>
    </message>
    <message>
        <source>Revenue: %1 (%2)</source>
        <translation>销售额：%1（%2）</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>month/year on an axis</comment>
        <translation>%2年%1月</translation>
    </message>
    <message>
        <source>Same months a year earlier</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>同比：%1</translation>
    </message>
    <message>
        <source>Sales: %1 in %n order(s)</source>
        <translation>销售：%1，共 %n 单</translation>
    </message>
    <message>
        <source>A year earlier: %1 in %n order(s)</source>
        <translation>去年同期：%1，共 %n 单</translation>
    </message>
    <message>
        <source>margin unknown</source>
        <translation>毛利未知</translation>
    </message>
    <message>
        <source>margin %1</source>
        <translation>毛利率 %1</translation>
    </message>
    <message>
        <source>Sales by product, with gross margin</source>
        <translation>产品销售构成与毛利</translation>
    </message>
    <message>
        <source>Other products</source>
        <translation>其他产品</translation>
    </message>
    <message>
        <source>Quantity: %1</source>
        <translation>数量：%1</translation>
    </message>
    <message>
        <source>Gross margin: %1 (%2)</source>
        <translation>毛利：%1（%2）</translation>
    </message>
    <message>
        <source>over the %1 of sales whose cost is known</source>
        <translation>按已知成本的 %1 销售额计</translation>
    </message>
    <message>
        <source>Customers ranked by revenue (contribution)</source>
        <translation>客户贡献排名（贡献比率）</translation>
    </message>
    <message>
        <source>%1 of %2 buyers make 80% of the revenue</source>
        <translation>%2 位购买客户中，前 %1 位贡献了 80% 的销售额</translation>
    </message>
    <message>
        <source>Cumulative share of revenue</source>
        <translation>累计销售额占比</translation>
    </message>
    <message>
        <source>Top %1 together: %2</source>
        <translation>前 %1 位合计：%2</translation>
    </message>
    <message>
        <source>%n customer(s)</source>
        <translation>%n 位客户</translation>
    </message>
    <message>
        <source>Owed in all: %1</source>
        <translation>应收合计：%1</translation>
    </message>
    <message>
        <source>RFM map: recency against frequency, size by spend</source>
        <translation>RFM 分布：最近购买 × 购买频率，圆大小为消费金额</translation>
    </message>
    <message>
        <source>Recency score (5 = bought most recently)</source>
        <translation>最近购买得分（5 = 最近）</translation>
    </message>
    <message>
        <source>Frequency score (5 = buys most often)</source>
        <translation>购买频率得分（5 = 最频繁）</translation>
    </message>
    <message>
        <source>%n customer(s) bought nothing in the tier window</source>
        <translation>%n 位客户在分级期间内没有购买</translation>
    </message>
    <message>
        <source>R %1 · F %2</source>
        <translation>R %1 · F %2</translation>
    </message>
    <message>
        <source>Spend in the tier window: %1</source>
        <translation>分级期间消费：%1</translation>
    </message>
    <message>
        <source>%n complaint(s)</source>
        <translation>%n 条投诉</translation>
    </message>
    <message>
        <source>Received per month, by category</source>
        <translation>每月受理投诉（按类别）</translation>
    </message>
    <message>
        <source>Days to resolve (median)</source>
        <translation>处理天数（中位数）</translation>
    </message>
    <message>
        <source>%n resolved</source>
        <translation>已解决 %n 条</translation>
    </message>
    <message>
        <source>Median %1 days, longest %2</source>
        <translation>中位数 %1 天，最长 %2 天</translation>
    </message>
    <message>
        <source>None resolved</source>
        <translation>尚无已解决</translation>
    </message>
    <message>
        <source>Satisfaction when resolved</source>
        <translation>解决后满意度</translation>
    </message>
    <message>
        <source>Average %1 of 5</source>
        <translation>平均 %1 分（满分 5）</translation>
    </message>
    <message>
        <source>Score %1: %n complaint(s)</source>
        <translation>%1 分：%n 条投诉</translation>
    </message>
    <message>
        <source>No scores</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>All the rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>Revenue in the period: %1</source>
        <translation>本期销售额：%1</translation>
    </message>
    <message>
        <source>Customers by region and by source</source>
        <translation>客户地区与来源分布</translation>
    </message>
    <message>
        <source>By province</source>
        <translation>按省份</translation>
    </message>
    <message>
        <source>By source channel</source>
        <translation>按来源渠道</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 opportunities, %2 lost; win rate %3 of those decided</source>
        <translation>共 %1 个业务机会，输单 %2 个；已定结果中赢单率 %3</translation>
    </message>
    <message>
        <source>Reached: %1</source>
        <translation>到达：%1</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
    <message>
        <source>On to the next stage: %1</source>
        <translation>进入下一阶段：%1</translation>
    </message>
    <message>
        <source>Average days in this stage: %1 (%2 stays)</source>
        <translation>本阶段平均停留：%1 天（%2 次）</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Edit the complaint</source>
        <translation>修改投诉</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>投诉性质</translation>
    </message>
    <message>
        <source>Why malicious</source>
        <translation>恶意原因</translation>
    </message>
    <message>
        <source>Related order</source>
        <translation>相关订单</translation>
    </message>
    <message>
        <source>What the customer says</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次回应</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>e.g. extortion, defamation</source>
        <translation>例如 敲诈、诽谤</translation>
    </message>
    <message>
        <source>What was said at once: listened, apologised, promised to help (快速反应)</source>
        <translation>当场的回应：倾听、致歉、表示愿意帮助（快速反应）</translation>
    </message>
</context>
<context>
    <name>ComplaintLog</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <source>{shown} shown · {open} open, {escalated} escalated</source>
        <translation>显示 {shown} 条 · 未结 {open} 条，已升级 {escalated} 条</translation>
    </message>
    <message>
        <source>No complaints match.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
    <message>
        <source>No complaints recorded.</source>
        <translation>尚未登记投诉。</translation>
    </message>
    <message>
        <source>Escalated only</source>
        <translation>只看已升级</translation>
    </message>
    <message>
        <source>Open complaints past the deadline that counts now</source>
        <translation>已超过当前时限的未结投诉</translation>
    </message>
    <message>
        <source>Priority: the customer&apos;s tier when the complaint came in</source>
        <translation>优先级：受理时客户所在的等级</translation>
    </message>
    <message>
        <source>Who handles it</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Open the customer (Enter or double-click)</source>
        <translation>打开客户（回车或双击）</translation>
    </message>
</context>
<context>
    <name>ComplaintLogModel</name>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>▲ Escalated, 1 day</source>
        <translation>▲ 已升级，逾期 1 天</translation>
    </message>
    <message>
        <source>▲ Escalated, {days} days</source>
        <translation>▲ 已升级，逾期 {days} 天</translation>
    </message>
    <message>
        <source>Response by {response}, resolution by {resolution}</source>
        <translation>{response} 前回应，{resolution} 前解决</translation>
    </message>
    <message>
        <source>First response given; resolution by {resolution}</source>
        <translation>已首次回应；{resolution} 前解决</translation>
    </message>
    <message>
        <source>Why malicious: {reason}</source>
        <translation>恶意原因：{reason}</translation>
    </message>
    <message>
        <source>Reopened on {date}</source>
        <translation>{date} 重新打开</translation>
    </message>
    <message>
        <source>Resolved on {date}</source>
        <translation>{date} 已解决</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>What the customer says</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Escalated: {days} days late</source>
        <translation>已升级：逾期 {days} 天</translation>
    </message>
    <message>
        <source>{stage} by {deadline}</source>
        <translation>{deadline} 前{stage}</translation>
    </message>
    <message>
        <source>Complaints: {n}</source>
        <translation>共 {n} 条投诉</translation>
    </message>
    <message>
        <source>{category} · malicious</source>
        <translation>{category} · 恶意</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>未结 {n} 条</translation>
    </message>
    <message>
        <source>{n} escalated</source>
        <translation>已升级 {n} 条</translation>
    </message>
    <message>
        <source>satisfaction {score}/5</source>
        <translation>满意度 {score}/5</translation>
    </message>
    <message>
        <source>stayed</source>
        <translation>客户留存</translation>
    </message>
    <message>
        <source>left</source>
        <translation>客户流失</translation>
    </message>
</context>
<context>
    <name>ComplaintTimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Promise: {promise}</source>
        <translation>承诺：{promise}</translation>
    </message>
    <message>
        <source>by {due}</source>
        <translation>期限 {due}</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>Delete complaint</source>
        <translation>删除投诉</translation>
    </message>
    <message>
        <source>Delete this complaint and its handling steps?

{when}   {category}</source>
        <translation>删除这条投诉及其处理记录？

{when}   {category}</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Record a complaint received by phone, in person, by letter or online</source>
        <translation>登记电话、来访、信函或网络收到的投诉</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No complaints. Click “Record…” when one comes in.</source>
        <translation>暂无投诉。收到投诉时点击“登记…”。</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>添加处理…</translation>
    </message>
    <message>
        <source>First response, cause found, action promised, follow-up or note</source>
        <translation>首次回应、查明原因、承诺措施、跟进或备注</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>The outcome, the customer&apos;s satisfaction and whether they stayed</source>
        <translation>处理结果、客户满意度以及客户是否留存</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理过程</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit contact person</source>
        <translation>编辑联系人</translation>
    </message>
</context>
<context>
    <name>ContactLogDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系记录</translation>
    </message>
    <message>
        <source>Follow-up done: log the contact</source>
        <translation>跟进完成：登记联系记录</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next follow-up on</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Schedule the next follow-up</source>
        <translation>安排下次跟进</translation>
    </message>
    <message>
        <source>HH:MM, optional</source>
        <translation>时:分，可不填</translation>
    </message>
</context>
<context>
    <name>ContactLogTab</name>
    <message>
        <source>Delete contact</source>
        <translation>删除联系记录</translation>
    </message>
    <message>
        <source>Delete this entry of the contact log?

{when}   {summary}</source>
        <translation>删除这条联系记录？

{when}   {summary}</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Record a call, visit or message, and schedule the next follow-up</source>
        <translation>记录一次电话、拜访或消息，并安排下次跟进</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No contacts logged yet. Click “Log contact…” after a call or visit.</source>
        <translation>还没有联系记录。打完电话或拜访后，点击“登记联系…”。</translation>
    </message>
</context>
<context>
    <name>ContactLogTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>{n} contacts</source>
        <translation>共 {n} 条联系记录</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Remove contact person</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove {name} from the contact persons?
The change is stored when you save the customer.</source>
        <translation>从联系人中删除 {name}？
保存客户时才会写入文件。</translation>
    </message>
    <message>
        <source>{name}, {field}: {message}</source>
        <translation>{name}，{field}：{message}</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Mark as primary</source>
        <translation>设为主联系人</translation>
    </message>
    <message>
        <source>No contact persons yet. Click “Add…” to record one.</source>
        <translation>还没有联系人。点击“添加…”录入。</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <source>crmdesk is locked</source>
        <translation>crmdesk 已锁定</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Type it to go on.</source>
        <translation>%1 受密码保护，请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Details</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进计划</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标出的字段。</translation>
    </message>
    <message>
        <source>Select a customer on the left, or create one.</source>
        <translation>请在左侧选择客户，或新建客户。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the changes to this customer</source>
        <translation>保存对该客户的修改</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Undo the changes not yet saved</source>
        <translation>撤销尚未保存的修改</translation>
    </message>
    <message>
        <source>Verified today</source>
        <translation>今日已核实</translation>
    </message>
    <message>
        <source>Record that this customer&apos;s information was checked today, and save</source>
        <translation>记录今天已核实该客户资料，并保存</translation>
    </message>
    <message>
        <source>Start win-back plan…</source>
        <translation>开始挽回计划…</translation>
    </message>
    <message>
        <source>Record the customer as lost and plan the calls to win it back (客户挽回)</source>
        <translation>把客户记为流失，并安排挽回回访（客户挽回）</translation>
    </message>
    <message>
        <source>Separated by commas or spaces, e.g. VIP, 老客户</source>
        <translation>用逗号或空格分隔，例如 VIP, 老客户</translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation>保存时自动分配</translation>
    </message>
    <message>
        <source>New personal customer</source>
        <translation>新建个人客户</translation>
    </message>
    <message>
        <source>New company customer</source>
        <translation>新建企业客户</translation>
    </message>
    <message>
        <source>No code yet</source>
        <translation>尚无编号</translation>
    </message>
    <message>
        <source>win-back plan since {date}</source>
        <translation>挽回计划始于 {date}</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>从未核实</translation>
    </message>
    <message>
        <source>Last verified: {date}</source>
        <translation>最近核实：{date}</translation>
    </message>
    <message>
        <source>Not verified for over a year</source>
        <translation>超过一年未核实</translation>
    </message>
    <message>
        <source>Not verified for over {n} years</source>
        <translation>超过 {n} 年未核实</translation>
    </message>
    <message>
        <source>Not verified for over {n} days</source>
        <translation>超过 {n} 天未核实</translation>
    </message>
    <message>
        <source>{warning} (last: {date})</source>
        <translation>{warning}（上次：{date}）</translation>
    </message>
    <message>
        <source>Customer information should be checked at least every {n} days.</source>
        <translation>客户资料至少每 {n} 天应核实一次。</translation>
    </message>
</context>
<context>
    <name>CustomerProductsWidget</name>
    <message>
        <source>Products people like them buy</source>
        <translation>相似客户常买的产品</translation>
    </message>
    <message>
        <source>Products this customer has not bought, ranked by how much it resembles their buyers: the same industry, region and tier, and the products bought together.</source>
        <translation>此客户还没买过的产品，按它与这些产品买家的相似程度排序：同行业、同地区、同等级，以及常一起购买的产品。</translation>
    </message>
    <message>
        <source>No product to suggest: no buyer of another product resembles this customer.</source>
        <translation>没有可推荐的产品：其他产品的买家中没有与此客户相似的。</translation>
    </message>
</context>
<context>
    <name>CustomerReview</name>
    <message>
        <source>Customer business review</source>
        <translation>客户业务总结</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买情况</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>A year earlier</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>A year earlier: {period}.</source>
        <translation>去年同期：{period}。</translation>
    </message>
    <message>
        <source>No orders in this period.</source>
        <translation>此期间没有订单。</translation>
    </message>
    <message>
        <source>Purchases by product</source>
        <translation>按产品的购买</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品或服务</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Payments and receivable</source>
        <translation>回款与应收</translation>
    </message>
    <message>
        <source>{amount} paid in advance</source>
        <translation>预付款 {amount}</translation>
    </message>
    <message>
        <source>Payments in the period</source>
        <translation>本期回款笔数</translation>
    </message>
    <message>
        <source>Received in the period</source>
        <translation>本期回款金额</translation>
    </message>
    <message>
        <source>Receivable as of {day}</source>
        <translation>截至 {day} 应收</translation>
    </message>
    <message>
        <source>Oldest unpaid order</source>
        <translation>最早未付订单</translation>
    </message>
    <message>
        <source>What is owed, by the age of the orders:</source>
        <translation>应收账款按账龄：</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>No contacts in this period.</source>
        <translation>此期间没有联系记录。</translation>
    </message>
    <message>
        <source>{count} contacts in the period; the latest:</source>
        <translation>本期联系 {count} 次；最近的：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>With</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>No complaints received or open in this period.</source>
        <translation>此期间没有受理或未结的投诉。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Tier, RFM and churn</source>
        <translation>客户分级、RFM 与流失风险</translation>
    </message>
    <message>
        <source>Not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Current tier</source>
        <translation>当前级别</translation>
    </message>
    <message>
        <source>Tier changes in the period</source>
        <translation>本期级别变化</translation>
    </message>
    <message>
        <source>RFM (recency · frequency · money)</source>
        <translation>RFM（最近 · 频率 · 金额）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>No purchases to score</source>
        <translation>没有可评分的购买</translation>
    </message>
    <message>
        <source>Likely still buying</source>
        <translation>仍在购买的概率</translation>
    </message>
    <message>
        <source>Expected value, next {weeks} weeks</source>
        <translation>未来 {weeks} 周预期价值</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Agreed at the latest contact ({day}): {step}</source>
        <translation>最近一次联系（{day}）约定：{step}</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>And {count} more planned.</source>
        <translation>另有 {count} 项计划。</translation>
    </message>
    <message>
        <source>Promised on open complaints:</source>
        <translation>未结投诉的承诺：</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>暂无计划。</translation>
    </message>
    <message>
        <source>Tier, RFM and churn as of the last time the file was opened; money in RMB yuan.</source>
        <translation>客户分级、RFM 与流失风险按最近一次打开文件时计算；金额单位：人民币元。</translation>
    </message>
    <message>
        <source>Customer review</source>
        <translation>客户业务总结</translation>
    </message>
</context>
<context>
    <name>CustomerReviewDialog</name>
    <message>
        <source>Business review — {name}</source>
        <translation>业务总结 — {name}</translation>
    </message>
    <message>
        <source>Save the business review as PDF</source>
        <translation>将业务总结另存为 PDF</translation>
    </message>
    <message>
        <source>The business review could not be written:
{error}</source>
        <translation>业务总结未能写入：
{error}</translation>
    </message>
</context>
<context>
    <name>CustomerSalesTab</name>
    <message>
        <source>Opportunities (move them on the board: Sales → Sales pipeline)</source>
        <translation>业务机会（在看板上推进：销售 → 销售漏斗）</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建业务机会…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收款</translation>
    </message>
    <message>
        <source>A complaint past its deadline (escalated)</source>
        <translation>有投诉已超时限（已升级）</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>从未核实</translation>
    </message>
    <message>
        <source>Not verified since {date}</source>
        <translation>自 {date} 起未核实</translation>
    </message>
    <message>
        <source>Over the credit limit of {limit}</source>
        <translation>超过授信额度 {limit}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>nothing a year earlier to compare with</source>
        <translation>去年同期无可比数据</translation>
    </message>
    <message>
        <source>%1 on the same period a year earlier</source>
        <translation>比去年同期 %1</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Click a figure for its chart. The period and owner above apply to sales and complaints; receivables, risk and follow-ups are as of today.</source>
        <translation>单击指标查看图表。上方的期间和负责人用于销售与投诉；应收、流失风险和跟进按今天计算。</translation>
    </message>
    <message>
        <source>Show the overdue follow-ups in the calendar</source>
        <translation>在跟进日历中查看逾期跟进</translation>
    </message>
    <message>
        <source>Enter the sales targets per owner and month or quarter</source>
        <translation>按负责人和月份或季度填写业绩指标</translation>
    </message>
    <message>
        <source>Customers lost in the period whose win-back plan brought them back to buy</source>
        <translation>本期流失、经挽回计划后重新购买的客户</translation>
    </message>
    <message>
        <source>Show the chart</source>
        <translation>查看图表</translation>
    </message>
    <message>
        <source>%1 of the plan&apos;s %2</source>
        <translation>计划 %2，已完成 %1</translation>
    </message>
    <message>
        <source>no sales plan in this period</source>
        <translation>此期间没有销售计划</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <source>%1 bought in the tier window</source>
        <translation>%1 在分级期间内有购买</translation>
    </message>
    <message>
        <source>At risk of leaving</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>%1 of customers</source>
        <translation>占客户 %1</translation>
    </message>
    <message>
        <source>Revenue in the period</source>
        <translation>本期销售额</translation>
    </message>
    <message>
        <source>Sales plan reached</source>
        <translation>销售计划完成率</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>owed as of today</source>
        <translation>截至今天</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>planned and not done</source>
        <translation>已计划未完成</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>%n escalated</source>
        <translation>已升级 %n 条</translation>
    </message>
    <message>
        <source>%1: %2 of %3, gap %4</source>
        <translation>%1：完成 %2 / 指标 %3，差距 %4</translation>
    </message>
    <message>
        <source>%1: %2 of %3, over by %4</source>
        <translation>%1：完成 %2 / 指标 %3，超出 %4</translation>
    </message>
    <message>
        <source>Sales targets reached</source>
        <translation>业绩指标完成情况</translation>
    </message>
    <message>
        <source>no target in this period (click to enter them)</source>
        <translation>本期没有指标（点击填写）</translation>
    </message>
    <message>
        <source>%1 of %2 lost customers won back</source>
        <translation>%2 位流失客户中挽回 %1 位</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>挽回率</translation>
    </message>
    <message>
        <source>no win-back plan started in this period</source>
        <translation>本期没有开始挽回计划</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>The document could not be written:
{error}</source>
        <translation>文档未能写入：
{error}</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DuplicatePairModel</name>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>业务员：%1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Customers that look like the same one: the same credit code, ID number or phone number, or the same name without a number that tells them apart. Choose a pair and merge it; a merge can be undone.</source>
        <translation>看起来是同一位的客户：统一社会信用代码、身份证号或电话相同，或名称相同且没有能区分二者的号码。选中一对即可合并，合并可以撤销。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Undo last merge</source>
        <translation>撤销上次合并</translation>
    </message>
    <message numerus="yes">
        <source>%n likely pair(s)</source>
        <translation>
            <numerusform>%n 对疑似重复</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>未发现疑似重复的客户。</translation>
    </message>
    <message>
        <source>Undo merging %1 into %2</source>
        <translation>撤销将 %1 合并到 %2</translation>
    </message>
    <message>
        <source>Merged %1 into %2.</source>
        <translation>已将 %1 合并到 %2。</translation>
    </message>
    <message>
        <source>Undone: %1 is back.</source>
        <translation>已撤销：%1 已恢复。</translation>
    </message>
    <message>
        <source>%1 was changed after the merge, so the merge can no longer be undone.</source>
        <translation>%1 在合并后被修改过，无法再撤销这次合并。</translation>
    </message>
    <message>
        <source>%1 was restored or changed after the merge, so the merge can no longer be undone.</source>
        <translation>%1 在合并后被恢复或修改过，无法再撤销这次合并。</translation>
    </message>
    <message>
        <source>This merge has been undone already.</source>
        <translation>这次合并已经撤销过了。</translation>
    </message>
    <message>
        <source>This merge is no longer in the file.</source>
        <translation>文件中已没有这次合并的记录。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message numerus="yes">
        <source>The %n customers selected in the list</source>
        <translation>
            <numerusform>列表中选中的 %n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n customers shown in the list (its search and filters)</source>
        <translation>
            <numerusform>列表中显示的 %n 位客户（按当前搜索和筛选）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n customers</source>
        <translation>
            <numerusform>全部 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger: orders, payments and receivables</source>
        <translation>台账：订单、回款和应收</translation>
    </message>
    <message>
        <source>Follow-ups, planned and done</source>
        <translation>跟进（计划的和已完成的）</translation>
    </message>
    <message>
        <source>Contacts for phones (vCard)</source>
        <translation>导入手机的通讯录（vCard）</translation>
    </message>
    <message>
        <source>An empty import template for</source>
        <translation>空白导入模板：</translation>
    </message>
    <message numerus="yes">
        <source>Ledger, follow-ups and contacts of the %n customers shown in the list only</source>
        <translation>
            <numerusform>仅限列表中显示的 %n 位客户的台账、跟进和通讯录</numerusform>
        </translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv): one table</source>
        <translation>CSV，UTF-8 (.csv)：一张表</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Show ID numbers and phone numbers unmasked</source>
        <translation>显示完整的身份证号和电话号码</translation>
    </message>
    <message>
        <source>Anyone who gets the file can read them: keep it safe, delete it when done.</source>
        <translation>拿到文件的人都能看到这些号码：请妥善保管，用完删除。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>A .vcf file of every customer with a phone number, for a phone&apos;s or a mail program&apos;s address book. vCards carry the phone numbers unmasked: that is what they are for.</source>
        <translation>为每位有电话的客户生成 .vcf 文件，可导入手机或邮件程序的通讯录。vCard 中的电话号码不打码，这正是它的用途。</translation>
    </message>
    <message>
        <source>Headers only, with dropdowns for the choice columns and a sheet of instructions; fill it in and import it with File → Import.</source>
        <translation>只有表头，选择类的列带下拉列表，另附一张填写说明；填好后用“文件 → 导入台账”导入。</translation>
    </message>
    <message>
        <source>Orders, payments and the receivables aged as of today, a sheet each; a CSV file holds one of them. Orders and payments import back as they are.</source>
        <translation>订单、回款以及截至今天的应收账龄，各占一张工作表；CSV 文件只能放其中一张。订单和回款可以原样导回。</translation>
    </message>
    <message>
        <source>Every follow-up with its customer, due date, method, purpose, owner and state; planned ones say how many days they are overdue.</source>
        <translation>每条跟进及其客户、到期日、方式、目的、负责人和状态；计划中的会注明逾期天数。</translation>
    </message>
    <message>
        <source>crmdesk imports the file back as it is; masked numbers are skipped then, so the stored ones stay.</source>
        <translation>crmdesk 可以原样导回该文件；打码的号码导回时会被跳过，已存的号码保持不变。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The import template was written to
{path}</source>
        <translation>导入模板已写入
{path}</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts were written to
{path}</source>
        <translation>
            <numerusform>已将 %n 位联系人写入
{path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows were written to
{path}</source>
        <translation>
            <numerusform>已将 %n 行写入
{path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：没有写入文件。</translation>
    </message>
    <message>
        <source>More rows than an Excel sheet holds ({limit}). Export to CSV instead, or fewer customers; no file was written.</source>
        <translation>行数超过 Excel 工作表的上限（{limit}）。请改为导出 CSV 或减少客户；没有写入文件。</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}

No file was written.</source>
        <translation>无法写入文件：{detail}

没有写入文件。</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2024-01-05</translation>
    </message>
    <message>
        <source>Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105</source>
        <translation>也可输入：2024.1.5、2024/1/5、2024年1月5日、20240105</translation>
    </message>
    <message>
        <source>e.g. 八月十五</source>
        <translation>例如 八月十五</translation>
    </message>
    <message>
        <source>The lunar month and day, e.g. 八月十五, 闰四月初八, 腊月三十 or 8-15.
In a year whose month is a day short (腊月三十) it falls on the month&apos;s last day;
a leap-month birthday is kept in the ordinary month of that number.</source>
        <translation>农历月日，例如 八月十五、闰四月初八、腊月三十 或 8-15。
当年该月只有二十九天时（如腊月三十），按该月最后一天算；
闰月生日按同名的平月过。</translation>
    </message>
    <message>
        <source>In yuan, for example 1,234.50</source>
        <translation>单位：元，例如 1,234.50</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Mask this number again</source>
        <translation>重新遮挡该号码</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full number and edit it</source>
        <translation>显示完整号码并编辑</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>Backing up the file…</source>
        <translation>正在备份文件…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, also as saved by WPS) or a CSV file (UTF-8 or GBK).</source>
        <translation>Excel 工作簿（.xlsx，WPS 保存的也可以）或 CSV 文件（UTF-8 或 GBK）。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The ledger to import</source>
        <translation>要导入的台账</translation>
    </message>
    <message>
        <source>Nothing is written until the last step, and an import can be reverted afterwards from File → Import history.</source>
        <translation>最后一步之前不会写入任何内容；导入后也可以在“文件 → 导入记录”中整体撤销。</translation>
    </message>
    <message>
        <source>The rows are:</source>
        <translation>表中每一行是：</translation>
    </message>
    <message>
        <source>Work it out from the column headers</source>
        <translation>根据表头自动判断</translation>
    </message>
    <message>
        <source>Customers and their contact persons</source>
        <translation>客户及其联系人</translation>
    </message>
    <message>
        <source>Orders or shipments</source>
        <translation>订单或运单</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>FileSettingsDialog</name>
    <message>
        <source>Window</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>File settings</source>
        <translation>文件设置</translation>
    </message>
    <message>
        <source>These rules are stored in the customer file and apply to everyone who opens it.</source>
        <translation>这些规则保存在客户档案文件中，对打开它的每个人都有效。</translation>
    </message>
    <message>
        <source>Prefix of new customer codes:</source>
        <translation>新客户编号前缀：</translation>
    </message>
    <message>
        <source>Credit limit:</source>
        <translation>授信额度：</translation>
    </message>
    <message>
        <source>Refuse orders over the credit limit (otherwise warn)</source>
        <translation>拒绝超过授信额度的订单（否则仅提醒）</translation>
    </message>
    <message>
        <source>Dates may lie ahead by at most:</source>
        <translation>日期最多可晚于今天：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>客户分级</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Purchases over the last:</source>
        <translation>按最近购买金额统计：</translation>
    </message>
    <message>
        <source>{tier}, the top:</source>
        <translation>{tier}，前：</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Days from receipt (or reopening) to the first response and to the resolution. An open complaint past either is escalated the next day.</source>
        <translation>从受理（或重新打开）起到首次回应、到解决的天数。未结投诉超过任一时限，次日自动升级。</translation>
    </message>
    <message>
        <source>First response within</source>
        <translation>首次回应时限</translation>
    </message>
    <message>
        <source>Resolved within</source>
        <translation>解决时限</translation>
    </message>
    <message>
        <source>Churn risk after no purchase for:</source>
        <translation>多久未购买视为流失风险：</translation>
    </message>
    <message>
        <source>Churn risk when buying less often by:</source>
        <translation>购买频次下降多少视为流失风险：</translation>
    </message>
    <message>
        <source>Churn risk when the model&apos;s score is over:</source>
        <translation>模型流失风险高于：</translation>
    </message>
    <message>
        <source>Remind of an expected repurchase:</source>
        <translation>预计复购提醒：</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Remind of birthdays and anniversaries:</source>
        <translation>生日和纪念日提醒：</translation>
    </message>
    <message>
        <source>Call back tier {tier} every:</source>
        <translation>{tier} 类客户定期回访间隔：</translation>
    </message>
    <message>
        <source>Ask for feedback after a contact within:</source>
        <translation>联系后回访反馈期限：</translation>
    </message>
    <message>
        <source>Touchpoints after each purchase, on days:</source>
        <translation>每次购买后的接触日（第几天）：</translation>
    </message>
    <message>
        <source>Up to 6 days from 1 to 366, separated by commas; empty: none.</source>
        <translation>最多 6 个天数，1 到 366，用逗号分隔；留空表示不安排。</translation>
    </message>
    <message>
        <source>Plan ahead:</source>
        <translation>提前安排：</translation>
    </message>
    <message>
        <source>Still plan what fell due in the last:</source>
        <translation>补排最近已到期的：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Plan the cadence follow-ups each time the file is opened</source>
        <translation>每次打开文件时自动安排例行跟进</translation>
    </message>
    <message>
        <source>A quarterly business review with each company</source>
        <translation>每季度与企业客户做一次业务回顾</translation>
    </message>
    <message>
        <source>Move due days off weekends and Chinese public holidays</source>
        <translation>到期日避开周末和法定节假日（顺延到工作日）</translation>
    </message>
    <message>
        <source>Use up to 8 letters, digits or hyphens.</source>
        <translation>请使用最多 8 个字母、数字或连字符。</translation>
    </message>
    <message>
        <source>Touchpoint days: up to 6 different whole days from 1 to 366.</source>
        <translation>接触日：最多 6 个互不相同的整数天，1 到 366。</translation>
    </message>
    <message>
        <source>A tier&apos;s resolution cannot come before its first response.</source>
        <translation>同一等级的解决时限不能短于首次回应时限。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Name, pinyin (zs), phone or code…</source>
        <translation>姓名、拼音（zs）、电话或编号…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Any follow-up</source>
        <translation>全部跟进状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日待跟进</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>7 天内待跟进</translation>
    </message>
    <message>
        <source>None planned</source>
        <translation>未安排跟进</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>FollowUpCalendar</name>
    <message>
        <source>Not moved</source>
        <translation>未改期</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>7 days from {date}</source>
        <translation>{date} 起 7 天</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Public holiday.</source>
        <translation>法定节假日。</translation>
    </message>
    <message>
        <source>A working day: this weekend day is swapped for a holiday.</source>
        <translation>调休上班日：此周末与节假日互换。</translation>
    </message>
    <message>
        <source>The holiday table does not cover this year yet: only weekends are marked off.</source>
        <translation>节假日表尚未覆盖这一年：只标出了周末。</translation>
    </message>
    <message>
        <source>Previous week (Page Up)</source>
        <translation>上一周（Page Up）</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>上个月（Page Up）</translation>
    </message>
    <message>
        <source>Next week (Page Down)</source>
        <translation>下一周（Page Down）</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>下个月（Page Down）</translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation>回到今天（Home）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>A month of days with their counts</source>
        <translation>按月查看每天的跟进数</translation>
    </message>
    <message>
        <source>The next seven days, item by item</source>
        <translation>逐条查看之后七天</translation>
    </message>
    <message>
        <source>Open the customer (Enter or double-click)</source>
        <translation>打开客户（回车或双击）</translation>
    </message>
    <message>
        <source>Move the follow-up to another day (Ctrl+M); or drag it onto a day of the month</source>
        <translation>把跟进改到另一天（Ctrl+M），或拖到月历中的某一天</translation>
    </message>
    <message>
        <source>Nothing on this day.</source>
        <translation>这一天没有安排。</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>a public holiday, in a day of the calendar</comment>
        <translation>休</translation>
    </message>
    <message>
        <source>Work</source>
        <comment>a weekend day worked for a holiday, in a day of the calendar</comment>
        <translation>班</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Plan a follow-up</source>
        <translation>安排跟进</translation>
    </message>
    <message>
        <source>Move or edit the follow-up</source>
        <translation>改期或编辑跟进</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>HH:MM, optional</source>
        <translation>时:分，可不填</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{n} planned</source>
        <translation>计划中 {n} 条</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>逾期 {n} 条</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Delete follow-up</source>
        <translation>删除跟进</translation>
    </message>
    <message>
        <source>Delete this follow-up?

{when}   {purpose}</source>
        <translation>删除这条跟进？

{when}   {purpose}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>安排…</translation>
    </message>
    <message>
        <source>Plan a call-back, visit or message</source>
        <translation>安排一次回访、拜访或消息</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Move or edit…</source>
        <translation>改期或编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Nothing planned. Click “Plan…” or log a contact and schedule the next one.</source>
        <translation>没有计划中的跟进。点击“安排…”，或登记联系时安排下次跟进。</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Log the contact that did it</source>
        <translation>登记完成这次跟进的联系记录</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Cancel it</source>
        <translation>取消跟进</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Reverting an import moves the customers it created to the recycle bin, removes its orders and payments, and gives updated customers their earlier values (except those edited since).</source>
        <translation>撤销一次导入会把它新建的客户移入回收站，删除它导入的订单和回款，并把被更新的客户恢复为原来的值（导入后又改过的客户除外）。</translation>
    </message>
    <message>
        <source>Revert this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Revert the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Revert the import of {file} ({when})?</source>
        <translation>撤销 {file}（{when}）的导入吗？</translation>
    </message>
    <message>
        <source>Reverted: {customers} customers moved to the recycle bin, {restored} given their earlier values, {orders} orders and {payments} payments removed.</source>
        <translation>已撤销：{customers} 位客户移入回收站，{restored} 位恢复原值，删除订单 {orders} 笔、回款 {payments} 笔。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers were edited after the import and were left as they are.</source>
        <translation>
            <numerusform>%n 位客户在导入后被修改过，保持现状。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Customer type (personal / company)</source>
        <translation>客户类型（个人/企业）</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact person&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <source>Contact person&apos;s mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <source>Contact person&apos;s e-mail</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <source>Contact person&apos;s WeChat</source>
        <translation>联系人微信</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>crmdesk cannot read {suffix} files. Save the sheet as .xlsx (Excel or WPS) or .csv and import that.</source>
        <translation>crmdesk 无法读取 {suffix} 文件。请把表格另存为 .xlsx（Excel 或 WPS）或 .csv 后再导入。</translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>The text is neither UTF-8 nor GBK/GB18030. Save it again as CSV (UTF-8).</source>
        <translation>文本编码既不是 UTF-8 也不是 GBK/GB18030，请重新另存为 CSV（UTF-8）。</translation>
    </message>
    <message>
        <source>The file cannot be read as a spreadsheet: it may be damaged, protected by a password, or in another format.</source>
        <translation>无法作为表格读取该文件：文件可能已损坏、有密码保护或是其他格式。</translation>
    </message>
    <message>
        <source>Total line (合计/小计)</source>
        <translation>合计行（合计/小计）</translation>
    </message>
    <message>
        <source>Already in the file, nothing new</source>
        <translation>文件中已有，没有新内容</translation>
    </message>
    <message>
        <source>Already in the file</source>
        <translation>文件中已有</translation>
    </message>
    <message>
        <source>Repeats row {row}</source>
        <translation>与第 {row} 行重复</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated.

It can be reverted as a whole from File → Import history.</source>
        <translation>已导入：新建 {created}，更新 {updated}。

可以在“文件 → 导入记录”中整体撤销。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何内容。</translation>
    </message>
    <message>
        <source>The import could not be written; nothing was changed.

{detail}</source>
        <translation>无法写入这次导入，未做任何更改。

{detail}</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Ledger overview</source>
        <translation>客户台账</translation>
    </message>
    <message>
        <source>Receivables of every customer with orders or payments. Click a column to sort; double-click a row to open the customer.</source>
        <translation>所有有订单或回款的客户的应收款。点击列标题排序，双击一行打开该客户。</translation>
    </message>
    <message>
        <source>{n} customers · receivable {receivable} · over 90 days {older} · {over} over their credit limit · as of {today}</source>
        <translation>{n} 位客户 · 应收合计 {receivable} · 超过 90 天 {older} · {over} 位超授信额度 · 截至 {today}</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Oldest debt</source>
        <translation>最久欠款</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>累计应收</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>累计回款</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>外欠款</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Sales</source>
        <translation>销售(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;New customer file…</source>
        <translation>新建客户档案文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open customer file…</source>
        <translation>打开客户档案文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo file</source>
        <translation>打开演示文件(&amp;D)</translation>
    </message>
    <message>
        <source>Recycle &amp;bin</source>
        <translation>回收站(&amp;B)</translation>
    </message>
    <message>
        <source>File &amp;settings…</source>
        <translation>文件设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import a ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Find d&amp;uplicates…</source>
        <translation>查找重复客户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Backups and &amp;restore…</source>
        <translation>备份与恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>C&amp;heck the file</source>
        <translation>检查文件(&amp;H)</translation>
    </message>
    <message>
        <source>Pass&amp;word and encryption…</source>
        <translation>密码和加密(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>New &amp;personal customer</source>
        <translation>新建个人客户(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;company customer</source>
        <translation>新建企业客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Ne&amp;xt customer</source>
        <translation>下一位客户(&amp;X)</translation>
    </message>
    <message>
        <source>P&amp;revious customer</source>
        <translation>上一位客户(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Ledger overview</source>
        <translation>客户台账(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tatement of account…</source>
        <translation>对账单(&amp;T)…</translation>
    </message>
    <message>
        <source>Follow-up &amp;calendar</source>
        <translation>跟进日历(&amp;C)</translation>
    </message>
    <message>
        <source>Com&amp;plaint log</source>
        <translation>投诉台账(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Analysis and charts</source>
        <translation>客户分析与图表(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Monthly summary…</source>
        <translation>月度经营总结(&amp;M)…</translation>
    </message>
    <message>
        <source>Business re&amp;view…</source>
        <translation>业务总结(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s follow-ups</source>
        <translation>今日跟进(&amp;T)</translation>
    </message>
    <message>
        <source>Sales &amp;pipeline</source>
        <translation>销售漏斗(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;opportunity for this customer…</source>
        <translation>为此客户新建业务机会(&amp;O)…</translation>
    </message>
    <message>
        <source>Marketing &amp;campaigns</source>
        <translation>市场活动(&amp;C)</translation>
    </message>
    <message>
        <source>Cross-selling &amp;suggestions…</source>
        <translation>交叉销售推荐(&amp;S)…</translation>
    </message>
    <message>
        <source>Sales &amp;targets…</source>
        <translation>业绩指标(&amp;T)…</translation>
    </message>
    <message>
        <source>Follow-up calendar</source>
        <translation>跟进日历</translation>
    </message>
    <message>
        <source>Complaint log</source>
        <translation>投诉台账</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>客户分析</translation>
    </message>
    <message>
        <source>Sales pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) planned by the cadences.</source>
        <translation>
            <numerusform>按例行规则新安排了 %n 条跟进。</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaints: %1 open, %2 escalated</source>
        <translation>投诉：未结 %1 条，已升级 %2 条</translation>
    </message>
    <message>
        <source>Complaints: %1 open</source>
        <translation>投诉：未结 %1 条</translation>
    </message>
    <message>
        <source>Open the complaint log (Ctrl+Shift+K)</source>
        <translation>打开投诉台账（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <source>Marketing campaigns</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <source>Cross-selling suggestions</source>
        <translation>交叉销售推荐</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>今日跟进（%1）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日跟进</translation>
    </message>
    <message>
        <source>Opening cancelled; the file was not changed.</source>
        <translation>已取消打开，文件未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>New customer file</source>
        <translation>新建客户档案文件</translation>
    </message>
    <message>
        <source>crmdesk customer files (*%1)</source>
        <translation>crmdesk 客户档案文件 (*%1)</translation>
    </message>
    <message>
        <source>Cannot create the file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Open customer file</source>
        <translation>打开客户档案文件</translation>
    </message>
    <message>
        <source>crmdesk customer files (*%1);;All files (*)</source>
        <translation>crmdesk 客户档案文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No customers match.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>No customers yet. Create one with “New personal customer” or “New company customer”.</source>
        <translation>还没有客户。可用“新建个人客户”或“新建企业客户”添加。</translation>
    </message>
    <message>
        <source>crmdesk cannot write in this folder, so the file is open read-only.</source>
        <translation>crmdesk 无法写入此文件夹，因此文件以只读方式打开。</translation>
    </message>
    <message>
        <source>This file is open in crmdesk on %1 (%2, process %3), so it is open here read-only. Close it there to make changes here.</source>
        <translation>此文件已在 %1 上的 crmdesk 中打开（%2，进程 %3），因此这里以只读方式打开。请先在那里关闭，才能在这里修改。</translation>
    </message>
    <message>
        <source>This file is on a network drive (%1). A dropped connection or a second PC can damage it in the middle of a save. Keep it on this PC&apos;s own disk; backups may go to the network.</source>
        <translation>此文件位于网络驱动器上（%1）。保存过程中网络断开或另一台电脑同时写入都可能损坏它。请把文件放在本机磁盘上；备份可以放到网络上。</translation>
    </message>
    <message>
        <source>This file is inside a %1 folder. Sync programs can copy it in the middle of a save and damage it. Keep it outside the sync folder, and let &quot;Back up now&quot; put copies there.</source>
        <translation>此文件位于 %1 同步文件夹中。同步程序可能在保存过程中复制它而造成损坏。请把文件放在同步文件夹之外，用“立即备份”把副本放到那里。</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Backing up the file…</source>
        <translation>正在备份文件…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>The file was copied and checked:
%1</source>
        <translation>文件已复制并通过检查：
%1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The file is open in crmdesk on %1 (process %2). Close it there first.</source>
        <translation>此文件已在 %1 上的 crmdesk 中打开（进程 %2）。请先在那里关闭。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup is in place. The file it replaced was kept beside it:
%1</source>
        <translation>备份已恢复。被替换的文件保留在旁边：
%1</translation>
    </message>
    <message>
        <source>Store it unencrypted</source>
        <translation>取消加密</translation>
    </message>
    <message>
        <source>Store %1 unencrypted? Anyone who can use this computer will be able to read it. Its backups stay encrypted.</source>
        <translation>要取消 %1 的加密吗？能使用这台电脑的任何人都将能读取它。它的备份仍保持加密。</translation>
    </message>
    <message>
        <source>Cannot change the encryption</source>
        <translation>无法更改加密</translation>
    </message>
    <message>
        <source>Decrypting the file…</source>
        <translation>正在解密文件…</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>Current password or recovery key:</source>
        <translation>当前密码或恢复密钥：</translation>
    </message>
    <message>
        <source>Encrypting the file…</source>
        <translation>正在加密文件…</translation>
    </message>
    <message>
        <source>The protection of the file was changed.</source>
        <translation>文件的保护设置已更改。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Checking every page of the file…</source>
        <translation>正在检查文件的每一页…</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>The file is sound: every page, index and reference checked. It holds %1 customers.</source>
        <translation>文件完好：每一页、每个索引和每个引用都已检查。共有 %1 位客户。</translation>
    </message>
    <message>
        <source>Restore a backup from File → Backups and restore…</source>
        <translation>可在“文件 → 备份与恢复…”中恢复备份。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Backed up at %1</source>
        <translation>已于 %1 备份</translation>
    </message>
    <message>
        <source>Recomputing tiers, churn risk and alerts…</source>
        <translation>正在重新计算分级、流失风险和预警…</translation>
    </message>
    <message>
        <source>Recomputed for %1: %2 tier changes, %3 alerts.</source>
        <translation>已按 %1 重新计算：%2 位客户等级变化，%3 条预警。</translation>
    </message>
    <message>
        <source>No churn scores: too few customers with orders (20 needed).</source>
        <translation>无流失评分：有订单的客户太少（至少需要 20 位）。</translation>
    </message>
    <message>
        <source>No churn scores: too few repeat buyers (5 needed).</source>
        <translation>无流失评分：回头客太少（至少需要 5 位）。</translation>
    </message>
    <message>
        <source>No churn scores: the model does not fit this file&apos;s data.</source>
        <translation>无流失评分：模型无法拟合本文件的数据。</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>预警（%1）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Move %1 (%2) to the recycle bin? You can restore it from there.</source>
        <translation>将 %1（%2）移到回收站？之后可从回收站恢复。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>%1 moved to the recycle bin. Undo with %2.</source>
        <translation>%1 已移到回收站。按 %2 可撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected customer(s)…</source>
        <translation>
            <numerusform>导出选中的 %n 位客户…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export the %n customer(s) shown…</source>
        <translation>
            <numerusform>导出显示的 %n 位客户…</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>This customer has changes that are not saved. Save them?</source>
        <translation>该客户有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk %1

A customer-file manager over one local file.</source>
        <translation>crmdesk %1

客户档案管理：所有资料保存在本机的一个文件里。</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 / 共 %2 位客户</translation>
    </message>
    <message>
        <source>%2 customers</source>
        <translation>共 %2 位客户</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>MakeCampaignDialog</name>
    <message>
        <source>Recommend %1</source>
        <translation>推荐 %1</translation>
    </message>
    <message numerus="yes">
        <source>Make a campaign of %n customer(s)</source>
        <translation>
            <numerusform>用 %n 位客户创建市场活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Cost (¥)</source>
        <translation>成本（元）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <source>Each column of the sheet feeds one field. Corrections are remembered for the next file with the same headers.</source>
        <translation>表中每一列对应一个字段。您的修改会被记住，下次遇到相同表头时自动使用。</translation>
    </message>
    <message>
        <source>Headers are in row:</source>
        <translation>表头所在行：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Importing customers.</source>
        <translation>导入客户。</translation>
    </message>
    <message>
        <source>Importing orders.</source>
        <translation>导入订单。</translation>
    </message>
    <message>
        <source>Importing payments.</source>
        <translation>导入回款。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Still needed: {fields}</source>
        <translation>还缺少：{fields}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two customers</source>
        <translation>合并两位客户</translation>
    </message>
    <message>
        <source>Choose the value to keep for each detail that differs. The record on the left stays; the one on the right is merged into it.</source>
        <translation>为每项不同的信息选择要保留的值。左边的记录保留，右边的记录并入左边。</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Swap sides</source>
        <translation>左右互换</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Keep %1 instead</source>
        <translation>改为保留 %1</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merged in, then moved to the recycle bin</source>
        <translation>并入后移入回收站</translation>
    </message>
    <message>
        <source>Both records hold the same details.</source>
        <translation>两条记录的信息相同。</translation>
    </message>
    <message>
        <source>Moves to %1: %2.</source>
        <translation>转到 %1：%2。</translation>
    </message>
    <message>
        <source>%1 has no orders, payments, contacts or complaints to move.</source>
        <translation>%1 没有需要转移的订单、回款、联系记录或投诉。</translation>
    </message>
    <message>
        <source>%1 then goes to the recycle bin. You can undo the merge.</source>
        <translation>之后 %1 移入回收站。合并可以撤销。</translation>
    </message>
    <message>
        <source>Tags of both are kept: %1.</source>
        <translation>两者的标签都保留：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n 笔回款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact record(s)</source>
        <translation>
            <numerusform>%n 条联系记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n 条跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sales plan(s)</source>
        <translation>
            <numerusform>%n 个销售计划</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact person(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>One of the two customers was changed or deleted meanwhile. Nothing was merged; look at the pair again.</source>
        <translation>两位客户中有一位在此期间被修改或删除，未做合并；请重新查看这一对。</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Working day (weekend swapped for a holiday)</source>
        <translation>调休上班日（周末与节假日互换）</translation>
    </message>
    <message>
        <source>Follow-ups: {n}, overdue</source>
        <translation>跟进：{n}，有逾期</translation>
    </message>
    <message>
        <source>Follow-ups: {n}</source>
        <translation>跟进：{n}</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries: {n}</source>
        <translation>生日和纪念日：{n}</translation>
    </message>
</context>
<context>
    <name>MonthlySummary</name>
    <message>
        <source>Monthly summary</source>
        <translation>月度经营总结</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Revenue in the month</source>
        <translation>本月销售额</translation>
    </message>
    <message>
        <source>Same month a year earlier</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>New customers in the month</source>
        <translation>本月新增客户</translation>
    </message>
    <message>
        <source>Active buyers</source>
        <translation>活跃购买客户</translation>
    </message>
    <message>
        <source>At risk of leaving</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Sales plan</source>
        <translation>销售计划</translation>
    </message>
    <message>
        <source>Bought against the plan</source>
        <translation>计划完成额</translation>
    </message>
    <message>
        <source>Receivable as of {day}</source>
        <translation>截至 {day} 应收</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Escalated complaints</source>
        <translation>已升级投诉</translation>
    </message>
    <message>
        <source>Tier moves up / down</source>
        <translation>级别上升 / 下降</translation>
    </message>
    <message>
        <source>First tiers given</source>
        <translation>首次定级</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Sales against the same month a year earlier</source>
        <translation>销售与去年同月对比</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Orders a year earlier</source>
        <translation>去年同期订单数</translation>
    </message>
    <message>
        <source>Amount a year earlier</source>
        <translation>去年同期金额</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>主要产品</translation>
    </message>
    <message>
        <source>No orders in this month.</source>
        <translation>本月没有订单。</translation>
    </message>
    <message>
        <source>Other products</source>
        <translation>其他产品</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品或服务</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Margin: the amount less the cost, of the orders whose cost is recorded.</source>
        <translation>毛利：已登记成本的订单的金额减去成本。</translation>
    </message>
    <message>
        <source>Top customers</source>
        <translation>主要客户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>All buyers</source>
        <translation>全部购买客户</translation>
    </message>
    <message>
        <source>{buyers} customers bought; the top {pareto} of them made {percent}% of the revenue.</source>
        <translation>共 {buyers} 位客户购买；其中前 {pareto} 位贡献了 {percent}% 的销售额。</translation>
    </message>
    <message>
        <source>Receivables by age as of {day}</source>
        <translation>截至 {day} 应收账款账龄</translation>
    </message>
    <message>
        <source>Age of the unpaid orders</source>
        <translation>未付订单账龄</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>The oldest unpaid order is dated {day}.</source>
        <translation>最早的未付订单日期为 {day}。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Resolved in the month</source>
        <translation>本月解决</translation>
    </message>
    <message>
        <source>Median days to resolve</source>
        <translation>处理天数中位数</translation>
    </message>
    <message>
        <source>Average satisfaction (1–5)</source>
        <translation>平均满意度（1–5）</translation>
    </message>
    <message>
        <source>Resolved without a score</source>
        <translation>解决但未评分</translation>
    </message>
    <message>
        <source>Satisfaction scores of those resolved (1 very dissatisfied, 5 very satisfied):</source>
        <translation>已解决投诉的满意度（1 很不满意，5 很满意）：</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Money in RMB yuan. Receivables are as of the day printed; at-risk customers and tiers as of the last time the file was opened.</source>
        <translation>金额单位：人民币元。应收账款按打印当日计算；流失风险与客户分级按最近一次打开文件时计算。</translation>
    </message>
</context>
<context>
    <name>MonthlySummaryDialog</name>
    <message>
        <source>Monthly summary — {month}</source>
        <translation>月度经营总结 — {month}</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Customers of:</source>
        <translation>负责人(&amp;C)：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Save the monthly summary as PDF</source>
        <translation>将月度经营总结另存为 PDF</translation>
    </message>
    <message>
        <source>The monthly summary could not be written:
{error}</source>
        <translation>月度经营总结未能写入：
{error}</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Encrypt the file</source>
        <translation>加密文件</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>The file will be encrypted. You will get a recovery key to print: with the password lost and the recovery key lost, nobody can open the file again, not even crmdesk&apos;s makers. Automatic backups that are not encrypted will be deleted; copies you made elsewhere stay readable.</source>
        <translation>文件将被加密。您会得到一个恢复密钥，请打印保存：密码和恢复密钥都丢失时，任何人都无法再打开这个文件，crmdesk 的开发者也不能。未加密的自动备份将被删除；您在其他位置自行保存的副本仍可读取。</translation>
    </message>
    <message>
        <source>crmdesk will ask for this password to show the file. The file itself is not encrypted, so this only keeps honest people out: encrypt it to protect it on the disk.</source>
        <translation>crmdesk 显示这个文件前会要求输入此密码。文件本身没有加密，所以这只能防君子不防小人；要保护磁盘上的文件，请加密。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>I understand that a lost password and a lost recovery key mean lost data</source>
        <translation>我明白：密码和恢复密钥都丢失，数据就无法找回</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Type part of a name, code or phone, then pick the customer.</source>
        <translation>输入名称、编号或电话的一部分，然后选择客户。</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>业务机会</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建业务机会</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>编辑业务机会</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品或服务</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reason lost</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name, pinyin initials, code or phone</source>
        <translation>名称、拼音首字母、编号或电话</translation>
    </message>
    <message>
        <source>What the order will be for (default: the title)</source>
        <translation>成单后订单的产品（默认：标题）</translation>
    </message>
    <message>
        <source>In yuan, for example 1,234.50</source>
        <translation>单位元，例如 1,234.50</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可选）</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Receivable {before} + this order {amount} = {after}, over the credit limit {limit} by {over}.</source>
        <translation>外欠款 {before} + 本单 {amount} = {after}，超过授信额度 {limit}，超出 {over}。</translation>
    </message>
    <message>
        <source>Not a valid weight in kilograms (for example 1.25; at most three decimals).</source>
        <translation>不是有效的重量（单位公斤，例如 1.25，最多三位小数）。</translation>
    </message>
    <message>
        <source>Over the credit limit</source>
        <translation>超过授信额度</translation>
    </message>
    <message>
        <source>This file does not allow orders that take a customer over the credit limit.

{numbers}

The order was not saved. Record a payment first, or raise the customer&apos;s credit limit.</source>
        <translation>本文件不允许录入使客户超过授信额度的订单。

{numbers}

订单未保存。请先登记回款，或提高该客户的授信额度。</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Gross margin {margin}</source>
        <translation>毛利率 {margin}</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Add order</source>
        <translation>新增订单</translation>
    </message>
    <message>
        <source>Edit order</source>
        <translation>修改订单</translation>
    </message>
    <message>
        <source>Shipment (optional)</source>
        <translation>运输信息（可选）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>In kilograms, for example 1.25 (three decimals are grams)</source>
        <translation>单位公斤，例如 1.25（第三位小数为克）</translation>
    </message>
</context>
<context>
    <name>OrderSummary</name>
    <message>
        <source>over the credit limit {limit}
by {over}</source>
        <translation>超过授信额度 {limit}
超出 {over}</translation>
    </message>
    <message>
        <source>paid in advance {amount}</source>
        <translation>预付 {amount}</translation>
    </message>
    <message>
        <source>credit limit {limit}</source>
        <translation>授信额度 {limit}</translation>
    </message>
    <message>
        <source>Oldest unpaid order: {date}</source>
        <translation>最早未结订单：{date}</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首次订单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>平均订单额</translation>
    </message>
    <message>
        <source>Unpaid, by age</source>
        <translation>未收款账龄</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品/服务</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Waybill no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>重量（公斤）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 笔订单</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} 笔订单</translation>
    </message>
    <message>
        <source>Gross profit {profit}</source>
        <translation>毛利 {profit}</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>Delete this order?

{date}   {product}   {amount}

The receivable and the totals change at once.</source>
        <translation>删除这笔订单？

{date}   {product}   {amount}

应收款和合计会随即变化。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Record a new order for this customer</source>
        <translation>为该客户录入一笔新订单</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No orders yet. Click “Add…” to record one.</source>
        <translation>还没有订单。点击“新增…”录入。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <source>Edit payment</source>
        <translation>修改回款</translation>
    </message>
    <message>
        <source>owed: {amount}</source>
        <translation>欠款：{amount}</translation>
    </message>
    <message>
        <source>Record as prepayment</source>
        <translation>按预付款登记</translation>
    </message>
    <message>
        <source>Money received ahead of orders (预付款): more than the customer owes now; it is set against the next orders.</source>
        <translation>预付款：超过客户当前欠款的部分，将冲抵以后的订单。</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>1 payment</source>
        <translation>1 笔回款</translation>
    </message>
    <message>
        <source>{n} payments</source>
        <translation>{n} 笔回款</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>over the credit limit {limit}</source>
        <translation>超过授信额度 {limit}</translation>
    </message>
    <message>
        <source>Delete payment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <source>Delete this payment?

{details}

The receivable goes up by the amount.</source>
        <translation>删除这笔回款？

{details}

应收款会相应增加。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Record money received from this customer</source>
        <translation>登记从该客户收到的款项</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No payments yet. Click “Add…” to record one.</source>
        <translation>还没有回款。点击“登记…”录入。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>PipelineWindow</name>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 个 · %2</translation>
    </message>
    <message>
        <source>Weighted %1</source>
        <translation>加权 %1</translation>
    </message>
    <message>
        <source>Open: %1 opportunities, %2; weighted pipeline %3</source>
        <translation>在谈：%1 个业务机会，%2；加权金额 %3</translation>
    </message>
    <message>
        <source>%1 days in this stage</source>
        <translation>本阶段已 %1 天</translation>
    </message>
    <message>
        <source>Expected close %1</source>
        <translation>预计 %1 成交</translation>
    </message>
    <message>
        <source>No move for %1 days (more than %2)</source>
        <translation>已 %1 天没有推进（超过 %2 天）</translation>
    </message>
    <message>
        <source>Large deal: %1 or more</source>
        <translation>大额业务：%1 及以上</translation>
    </message>
    <message>
        <source>%1 (%2 stays)</source>
        <translation>%1（%2 次）</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>移到阶段</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Why was %1 lost? (price, competitor, timing …)</source>
        <translation>%1 为什么输单？（价格、竞争对手、时机……）</translation>
    </message>
    <message>
        <source>A lost opportunity needs its reason.</source>
        <translation>输单需要填写原因。</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>%1 is won. Record its order in the ledger now?</source>
        <translation>%1 已赢单。现在把订单记入台账吗？</translation>
    </message>
    <message>
        <source>Record the order…</source>
        <translation>记录订单…</translation>
    </message>
    <message>
        <source>Won, no order yet</source>
        <translation>赢单，暂不记订单</translation>
    </message>
    <message>
        <source>Won: record the order</source>
        <translation>赢单：记录订单</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>未移动</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>删除业务机会</translation>
    </message>
    <message>
        <source>Delete the opportunity %1? Its order, if any, stays in the ledger.</source>
        <translation>删除业务机会 %1？已有的订单仍保留在台账中。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建业务机会…</translation>
    </message>
    <message>
        <source>Add an opportunity (Ctrl+N)</source>
        <translation>新建业务机会（Ctrl+N）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stages and reminders…</source>
        <translation>阶段与提醒…</translation>
    </message>
    <message>
        <source>Find a card</source>
        <translation>查找卡片</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <source>Drag a card to another stage, or select it and press Ctrl+→ / Ctrl+← (Ctrl+M: any stage; Enter: edit; Ctrl+O: open the customer).</source>
        <translation>把卡片拖到其他阶段，或选中后按 Ctrl+→ / Ctrl+←（Ctrl+M：任意阶段；回车：编辑；Ctrl+O：打开客户）。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>On to the next stage</source>
        <translation>进入下一阶段</translation>
    </message>
    <message>
        <source>Average days in the stage</source>
        <translation>阶段平均天数</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Move to stage…</source>
        <translation>移到阶段…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>current plan {amount}</source>
        <translation>当前计划 {amount}</translation>
    </message>
    <message>
        <source>Sales plan</source>
        <translation>销售计划</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Planned amount</source>
        <translation>计划金额</translation>
    </message>
</context>
<context>
    <name>PlanFollowUpsDialog</name>
    <message>
        <source>Recommend %1</source>
        <translation>推荐 %1</translation>
    </message>
    <message numerus="yes">
        <source>Plan follow-ups for %n customer(s)</source>
        <translation>
            <numerusform>为 %n 位客户安排回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>HH:MM, optional</source>
        <translation>HH:MM，可选</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Time gone</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders in the period up to today</source>
        <translation>本期截至今天的订单金额</translation>
    </message>
    <message>
        <source>Actual as a share of the plan</source>
        <translation>实际占计划的比例</translation>
    </message>
    <message>
        <source>Days of the period gone, today included</source>
        <translation>本期已过天数（含今天）</translation>
    </message>
    <message>
        <source>behind plan</source>
        <translation>落后于计划</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Day {gone} of {total}</source>
        <translation>第 {gone} 天 / 共 {total} 天</translation>
    </message>
    <message>
        <source>{actual} of {planned}</source>
        <translation>{actual} / {planned}</translation>
    </message>
    <message>
        <source>{short} short of the plan to date ({due})</source>
        <translation>比截至今天应完成的 {due} 少 {short}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Mark records not verified for:</source>
        <translation>标记多久未核实的资料：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Adds to row {row}: {fields}</source>
        <translation>补充到第 {row} 行：{fields}</translation>
    </message>
    <message>
        <source>Changes {fields}</source>
        <translation>更新 {fields}</translation>
    </message>
    <message>
        <source>{date}: {amount}</source>
        <translation>{date}：{amount}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rows with errors are left out; fix them in the sheet and import it again: rows already imported are skipped.</source>
        <translation>目前还没有写入任何内容。有错误的行不会导入；在表格中改正后再导入一次即可，已导入的行会自动跳过。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Save the errors as .xlsx…</source>
        <translation>将错误保存为 .xlsx…</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{rows} rows: {new} new, {updates} updates, {skipped} skipped, {errors} with errors.</source>
        <translation>共 {rows} 行：新建 {new}，更新 {updates}，跳过 {skipped}，有错误 {errors}。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>-errors</source>
        <translation>-错误</translation>
    </message>
    <message>
        <source>Save the errors</source>
        <translation>保存错误</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Cannot start printing.</source>
        <translation>无法开始打印。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Cannot start a new page.</source>
        <translation>无法开始新的一页。</translation>
    </message>
</context>
<context>
    <name>ProtectionDialog</name>
    <message>
        <source>Password and encryption</source>
        <translation>密码和加密</translation>
    </message>
    <message>
        <source>Set a password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Encrypt the file…</source>
        <translation>加密文件…</translation>
    </message>
    <message>
        <source>Change the password…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <source>Remove the password</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <source>Store it unencrypted…</source>
        <translation>取消加密…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>闲置多久后锁定：</translation>
    </message>
    <message>
        <source>%1 is encrypted. Without its password or recovery key nobody can read it, and its backups are encrypted too.</source>
        <translation>%1 已加密。没有密码或恢复密钥，任何人都无法读取它，它的备份也同样加密。</translation>
    </message>
    <message>
        <source>crmdesk asks for a password to show %1. The file itself is not encrypted: any SQLite tool can still read it. Encrypt it to protect it on the disk.</source>
        <translation>crmdesk 显示 %1 前会要求输入密码。文件本身没有加密：任何 SQLite 工具仍能读取它。要保护磁盘上的文件，请加密。</translation>
    </message>
    <message>
        <source>%1 has no password: anyone who can use this computer can open it.</source>
        <translation>%1 没有密码：能使用这台电脑的任何人都能打开它。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>%1 is now encrypted. This is its recovery key. If the password is ever lost, it opens the file. Print it or write it down, and keep it away from this computer. It is shown only now.</source>
        <translation>%1 已加密。这是它的恢复密钥：忘记密码时，用它可以打开文件。请打印或抄写下来，与这台电脑分开保管。它只显示这一次。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as text…</source>
        <translation>另存为文本…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and will keep it safe</source>
        <translation>我已打印或抄下恢复密钥，并会妥善保管</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>crmdesk recovery key for %1:

    %2

Type it where crmdesk asks for the password when the password is lost. Keep this paper away from the computer.
</source>
        <translation>%1 的 crmdesk 恢复密钥：

    %2

忘记密码时，在 crmdesk 要求输入密码的地方输入它。请将这张纸与电脑分开保管。
</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted customers stay here until you restore them.</source>
        <translation>已删除的客户保留在这里，可随时恢复。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
</context>
<context>
    <name>ReferralBox</name>
    <message>
        <source>since {date}</source>
        <translation>自 {date}</translation>
    </message>
    <message>
        <source>Nobody recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Save the customer first</source>
        <translation>请先保存客户</translation>
    </message>
    <message>
        <source>Double-click to open {name} ({status})</source>
        <translation>双击打开 {name}（{status}）</translation>
    </message>
    <message>
        <source>Referred revenue: {amount} from {n} customer(s)</source>
        <translation>转介绍收入：{amount}，来自 {n} 位客户</translation>
    </message>
    <message>
        <source>Has referred nobody yet.</source>
        <translation>还没有转介绍过客户。</translation>
    </message>
    <message>
        <source>Referred on: {error}</source>
        <translation>介绍日期：{error}</translation>
    </message>
    <message>
        <source>Referrals between customers</source>
        <translation>客户转介绍</translation>
    </message>
    <message>
        <source>Referring customer:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the customer who made the referral</source>
        <translation>显示介绍人</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget who referred this customer (saved at once)</source>
        <translation>清除此客户的介绍人（立即保存）</translation>
    </message>
    <message>
        <source>Find the referrer: name, pinyin, code or phone</source>
        <translation>查找介绍人：名称、拼音、编号或电话</translation>
    </message>
    <message>
        <source>Type, then click a customer below to record the referral (saved at once)</source>
        <translation>输入后，点击下方的客户即可记录转介绍（立即保存）</translation>
    </message>
    <message>
        <source>Referred on:</source>
        <translation>介绍日期：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Optional. Referred revenue counts the orders from this day; without a day, all of them.</source>
        <translation>可选。转介绍收入从这一天起计算订单；不填则计算全部订单。</translation>
    </message>
    <message>
        <source>Referred customers:</source>
        <translation>介绍的客户：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>介绍日期</translation>
    </message>
    <message>
        <source>Revenue since</source>
        <translation>此后收入</translation>
    </message>
</context>
<context>
    <name>ReportHtml</name>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>SalesPlanBlock</name>
    <message>
        <source>Remove sales plan</source>
        <translation>删除销售计划</translation>
    </message>
    <message>
        <source>Remove the sales plan for {period} ({amount})?

The orders stay as they are.</source>
        <translation>删除 {period} 的销售计划（{amount}）？

订单不受影响。</translation>
    </message>
    <message>
        <source>Sales plan</source>
        <translation>销售计划（计划进度）</translation>
    </message>
    <message>
        <source>Set plan…</source>
        <translation>设定计划…</translation>
    </message>
    <message>
        <source>Plan the sales of a month or a quarter (replaces its plan)</source>
        <translation>设定某月或某季度的销售计划（覆盖原计划）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>尚无计划。</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Choose the sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>The first rows of the chosen sheet are shown below.</source>
        <translation>下面显示所选工作表的前几行。</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Row %1: the probability is a whole number from 0 to 100.</source>
        <translation>第 %1 行：概率是 0 到 100 的整数。</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Stage in use</source>
        <translation>阶段正在使用</translation>
    </message>
    <message>
        <source>%1 opportunities are in this stage. Move them to another stage first.</source>
        <translation>这个阶段有 %1 个业务机会。请先把它们移到其他阶段。</translation>
    </message>
    <message>
        <source>The large-deal amount is an amount of money above zero, for example 50,000.</source>
        <translation>大额业务金额必须大于零，例如 50,000。</translation>
    </message>
    <message>
        <source>Pipeline stages and reminders</source>
        <translation>业务阶段与提醒</translation>
    </message>
    <message>
        <source>Open stages in the order deals go through them, each with its chance of winning; the weighted pipeline multiplies each deal by it. Won and lost always come last.</source>
        <translation>按业务推进的顺序排列在谈阶段，每个阶段有赢单概率；加权金额＝金额×概率。赢单和输单总在最后。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Win probability (%)</source>
        <translation>赢单概率（%）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Large deal from (yuan)</source>
        <translation>大额业务起点（元）</translation>
    </message>
    <message>
        <source>Stuck after (days in one stage)</source>
        <translation>停滞天数（同一阶段）</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <source>Payment received</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Statement of account</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户名称：</translation>
    </message>
    <message>
        <source>Customer code:</source>
        <translation>客户编号：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>对账期间：</translation>
    </message>
    <message>
        <source>Printed on:</source>
        <translation>打印日期：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>RMB yuan</source>
        <translation>人民币（元）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收金额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>No orders or payments in this period.</source>
        <translation>本期无往来记录。</translation>
    </message>
    <message>
        <source>Total for the period</source>
        <translation>本期合计</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Closing balance:</source>
        <translation>期末余额：</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>大写：</translation>
    </message>
    <message>
        <source>A positive balance is the amount owed to us; a negative balance was paid in advance.</source>
        <translation>余额为正数表示贵方欠款，为负数表示贵方预付款。</translation>
    </message>
    <message>
        <source>Please check the above and confirm it with your signature and stamp. If anything differs, please tell us.</source>
        <translation>请核对以上账目，无误后签字盖章确认；如有不符，请及时与我方联系。</translation>
    </message>
    <message>
        <source>Customer confirmation (signature and stamp):</source>
        <translation>客户确认（签字盖章）：</translation>
    </message>
    <message>
        <source>Issued by (signature and stamp):</source>
        <translation>对账单位（签字盖章）：</translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement of account — {name}</source>
        <translation>对账单 — {name}</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Save statement as PDF</source>
        <translation>将对账单保存为 PDF</translation>
    </message>
    <message>
        <source>The statement could not be written:
{error}</source>
        <translation>无法写入对账单：
{error}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Resolve the complaint</source>
        <translation>投诉结案</translation>
    </message>
    <message>
        <source>Reopen the complaint</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <source>Add a handling step</source>
        <translation>添加处理环节</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>回应内容</translation>
    </message>
    <message>
        <source>The cause found</source>
        <translation>查明的原因</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>将采取的措施</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Why reopened</source>
        <translation>重新打开原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Measurable promise</source>
        <translation>可衡量的承诺</translation>
    </message>
    <message>
        <source>e.g. refund ¥200, redeliver by Friday</source>
        <translation>例如 退款 ¥200、周五前重新送达</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>5 · Very satisfied</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <source>4 · Satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <source>3 · Neutral</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <source>2 · Dissatisfied</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <source>1 · Very dissatisfied</source>
        <translation>1 · 非常不满意</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未调查</translation>
    </message>
    <message>
        <source>Customer stayed</source>
        <translation>客户是否留存</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>Yes, stayed</source>
        <translation>是，留存</translation>
    </message>
    <message>
        <source>No, left</source>
        <translation>否，流失</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Same industry ({value}) as {count} of {of} buyers</source>
        <translation>与 {of} 位买家中的 {count} 位同行业（{value}）</translation>
    </message>
    <message>
        <source>Same region ({value}) as {count} of {of} buyers</source>
        <translation>与 {of} 位买家中的 {count} 位同地区（{value}）</translation>
    </message>
    <message>
        <source>Same tier ({value}) as {count} of {of} buyers</source>
        <translation>与 {of} 位买家中的 {count} 位同等级（{value}）</translation>
    </message>
    <message>
        <source>Bought {value}: {count} of its {of} buyers also bought {product}</source>
        <translation>买过 {value}：其 {of} 位买家中有 {count} 位也买了 {product}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Score {score}, the sum of:</source>
        <translation>得分 {score}，由以下各项相加：</translation>
    </message>
    <message>
        <source>{points}  {label}: {reason}</source>
        <translation>{points}  {label}：{reason}</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>买家</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message numerus="yes">
        <source>%1 (%n buyer(s))</source>
        <translation>
            <numerusform>%1（%n 位买家）</numerusform>
        </translation>
    </message>
    <message>
        <source>No orders of “%1”.</source>
        <translation>没有“%1”的订单。</translation>
    </message>
    <message>
        <source>No product has been bought yet.</source>
        <translation>还没有任何产品被购买。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) bought it.</source>
        <translation>
            <numerusform>%n 位客户买过。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of the %2 other customers resemble them (lost customers are left out).</source>
        <translation>其余 %2 位客户中有 %1 位与买家相似（不含流失客户）。</translation>
    </message>
    <message numerus="yes">
        <source>Showing the best %n.</source>
        <translation>
            <numerusform>显示最相似的 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the suggestions</source>
        <translation>导出推荐名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Only .xlsx and .csv files can be written.</source>
        <translation>只能写入 .xlsx 和 .csv 文件。</translation>
    </message>
    <message>
        <source>The file could not be written: %1

No file was written.</source>
        <translation>无法写入文件：%1

没有写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>已写入 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Planned %n follow-up(s).</source>
        <translation>
            <numerusform>已安排 %n 次回访。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) already had one planned for this purpose.</source>
        <translation>
            <numerusform>%n 位客户已安排过同一目的的回访。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) are no longer in the file.</source>
        <translation>
            <numerusform>%n 位客户已不在文件中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1” made with %n customer(s).</source>
        <translation>
            <numerusform>已用 %n 位客户创建市场活动“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cross-selling suggestions</source>
        <translation>交叉销售推荐</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>Show the &amp;best</source>
        <translation>显示前(&amp;B)</translation>
    </message>
    <message>
        <source>Customers who have not bought the product, ranked by how much they resemble its buyers: the same industry, region and tier, and the products bought together. Select customers (Ctrl+A: all) to plan follow-ups or make a campaign; double-click one to open it.</source>
        <translation>还没买过该产品的客户，按与其买家的相似程度排序：同行业、同地区、同等级，以及常一起购买的产品。选中客户（Ctrl+A：全选）可安排回访或创建市场活动；双击打开客户。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Plan &amp;follow-ups…</source>
        <translation>安排回访(&amp;F)…</translation>
    </message>
    <message>
        <source>Make a &amp;campaign…</source>
        <translation>创建市场活动(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>触达日期</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未触达</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>No owners yet: add one above.</source>
        <translation>还没有负责人：请在上方添加。</translation>
    </message>
    <message>
        <source>Actual so far {actual}, gap {gap}</source>
        <translation>目前完成 {actual}，差距 {gap}</translation>
    </message>
    <message>
        <source>Actual so far {actual}, no target</source>
        <translation>目前完成 {actual}，未设指标</translation>
    </message>
    <message>
        <source>Not saved: please correct the amounts marked in red.</source>
        <translation>未保存：请更正标红的金额。</translation>
    </message>
    <message>
        <source>Sales targets</source>
        <translation>业绩指标</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Targets per:</source>
        <translation>指标周期(&amp;T)：</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Add &amp;owner:</source>
        <translation>添加负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>a salesperson&apos;s name</source>
        <translation>业务员姓名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Amounts in yuan; empty a cell to remove its target. Sales count for the owner of the opportunity an order was won from, else for the customer&apos;s owner. Where an owner has a quarter&apos;s target, it replaces the targets of its months on the dashboard.</source>
        <translation>金额单位为元；清空单元格即删除该指标。销售额计入订单来源业务机会的负责人，否则计入客户的负责人。负责人设了季度指标时，看板上以季度指标代替其各月指标。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>TierHistoryDialog</name>
    <message>
        <source>Tier history: {name}</source>
        <translation>等级变化记录：{name}</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级变化记录</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Bought in window</source>
        <translation>统计期内购买</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
</context>
<context>
    <name>TierLine</name>
    <message>
        <source>History…</source>
        <translation>变化记录…</translation>
    </message>
    <message>
        <source>When this customer&apos;s tier changed</source>
        <translation>该客户等级的变化时间</translation>
    </message>
    <message>
        <source>Tier not computed yet: tiers are computed when the file opens.</source>
        <translation>尚未计算等级：打开文件时会计算。</translation>
    </message>
    <message>
        <source>Management: {method}</source>
        <translation>管理方法：{method}</translation>
    </message>
    <message>
        <source>RFM {r}·{f}·{m} {segment}</source>
        <translation>RFM {r}·{f}·{m} {segment}</translation>
    </message>
    <message>
        <source>churn risk {risk}%</source>
        <translation>流失风险 {risk}%</translation>
    </message>
    <message>
        <source>next {weeks} weeks: {purchases} purchases, about {value}</source>
        <translation>未来 {weeks} 周预计购买 {purchases} 次，约 {value}</translation>
    </message>
    <message>
        <source>No purchases in the last month</source>
        <translation>最近 1 个月无购买</translation>
    </message>
    <message>
        <source>No purchases in the last {months} months</source>
        <translation>最近 {months} 个月无购买</translation>
    </message>
    <message>
        <source>Bought {amount} in the last month · rank {rank} of {n} ({tier}: top {cutoff})</source>
        <translation>最近 1 个月购买 {amount} · 排名 {rank}/{n}（{tier}级：前 {cutoff} 名）</translation>
    </message>
    <message>
        <source>Bought {amount} in the last {months} months · rank {rank} of {n} ({tier}: top {cutoff})</source>
        <translation>最近 {months} 个月购买 {amount} · 排名 {rank}/{n}（{tier}级：前 {cutoff} 名）</translation>
    </message>
    <message>
        <source>Customers who bought nothing are D; equal amounts share the better rank.</source>
        <translation>无购买的客户为 D 级；金额相同者并列较高名次。</translation>
    </message>
    <message>
        <source>Computed on {date}.</source>
        <translation>计算日期：{date}。</translation>
    </message>
    <message>
        <source>By purchases in the last {months} months: top {a} % A, top {b} % B, top {c} % C, the rest D.</source>
        <translation>按最近 {months} 个月购买金额：前 {a}% 为 A，前 {b}% 为 B，前 {c}% 为 C，其余为 D。</translation>
    </message>
</context>
<context>
    <name>TodayList</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的跟进。</translation>
    </message>
    <message>
        <source>{n} due, {late} of them overdue</source>
        <translation>到期 {n} 条，其中逾期 {late} 条</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Done… (D)</source>
        <translation>完成…（D）</translation>
    </message>
    <message>
        <source>Log the contact that did it</source>
        <translation>登记完成这次跟进的联系记录</translation>
    </message>
    <message>
        <source>Move… (R)</source>
        <translation>改期…（R）</translation>
    </message>
    <message>
        <source>Missed (M)</source>
        <translation>未联系上（M）</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>{when} ({days} d late)</source>
        <translation>{when}（逾期 {days} 天）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Encrypted file</source>
        <translation>加密文件</translation>
    </message>
    <message>
        <source>%1 is encrypted. Type its password.
Lost the password? Type the recovery key instead (the groups of letters and digits you printed when it was encrypted).</source>
        <translation>%1 已加密，请输入密码。
忘记密码？请改为输入恢复密钥（加密时打印的那几组字母和数字）。</translation>
    </message>
    <message>
        <source>Password or recovery key</source>
        <translation>密码或恢复密钥</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>Your customer file is one file on this computer. Start a new one, open the one you have, or look around in the demo file first.</source>
        <translation>客户档案保存在本机的一个文件里。您可以新建一个，打开已有的，或先在演示文件里看看。</translation>
    </message>
    <message>
        <source>Create a new customer file…</source>
        <translation>新建客户档案文件…</translation>
    </message>
    <message>
        <source>Open a customer file…</source>
        <translation>打开客户档案文件…</translation>
    </message>
    <message>
        <source>Open the demo file</source>
        <translation>打开演示文件</translation>
    </message>
</context>
<context>
    <name>WinBackDialog</name>
    <message>
        <source>Start win-back plan</source>
        <translation>开始挽回计划</translation>
    </message>
    <message>
        <source>{name} will be recorded as lost today, and these follow-ups will be planned. When the customer buys again, it is marked as won back.</source>
        <translation>{name} 将于今天记为流失，并安排以下回访。客户再次购买时，会标记为已挽回。</translation>
    </message>
    <message>
        <source>A win-back plan for {name} has been running since {date}. Starting it again only plans the steps that are missing; none is planned twice.</source>
        <translation>{name} 的挽回计划自 {date} 起已在进行。再次开始只会补上缺少的步骤，不会重复安排。</translation>
    </message>
    <message>
        <source>Why lost:</source>
        <translation>流失原因：</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Start plan</source>
        <translation>开始计划</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>Money</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>关怀</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Receivable over credit limit</source>
        <translation>外欠款超出信用额度</translation>
    </message>
    <message>
        <source>Sales behind plan</source>
        <translation>销售进度落后</translation>
    </message>
    <message>
        <source>No recent purchase</source>
        <translation>久未购买</translation>
    </message>
    <message>
        <source>Buying less often</source>
        <translation>购买频率下降</translation>
    </message>
    <message>
        <source>High churn score</source>
        <translation>流失评分高</translation>
    </message>
    <message>
        <source>Spend milestone</source>
        <translation>消费里程碑</translation>
    </message>
    <message>
        <source>Follow-up due today</source>
        <translation>今日待跟进</translation>
    </message>
    <message>
        <source>Follow-up overdue</source>
        <translation>跟进逾期</translation>
    </message>
    <message>
        <source>Complaint past deadline</source>
        <translation>投诉超期</translation>
    </message>
    <message>
        <source>Repurchase expected</source>
        <translation>即将复购</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Cooperation anniversary</source>
        <translation>合作周年</translation>
    </message>
    <message>
        <source>After-sale touchpoint</source>
        <translation>售后回访</translation>
    </message>
    <message>
        <source>Record not verified</source>
        <translation>资料未核实</translation>
    </message>
    <message>
        <source>Record incomplete</source>
        <translation>资料不全</translation>
    </message>
    <message>
        <source>Large deal</source>
        <translation>大额业务</translation>
    </message>
    <message>
        <source>Deal not moving</source>
        <translation>业务停滞</translation>
    </message>
    <message>
        <source>Receivable {receivable} exceeds the credit limit {credit_limit} by {over_by}</source>
        <translation>应收 {receivable} 超出信用额度 {credit_limit}，超出 {over_by}</translation>
    </message>
    <message>
        <source>{period}: bought {actual} of {planned} planned ({percent}%) with {expected_percent}% of the period gone</source>
        <translation>{period}：计划 {planned}，已购 {actual}（{percent}%），时间已过 {expected_percent}%</translation>
    </message>
    <message>
        <source>No purchase for {days} days (last on {last_purchase})</source>
        <translation>已 {days} 天未购买（最近一次 {last_purchase}）</translation>
    </message>
    <message>
        <source>Bought on {current} days in the last {months} months against {previous} in the {months} before (down {drop_percent}%)</source>
        <translation>近 {months} 个月购买 {current} 次，之前 {months} 个月 {previous} 次（下降 {drop_percent}%）</translation>
    </message>
    <message>
        <source>Churn risk {risk_percent}% by the BG/NBD model (threshold {threshold_percent}%)</source>
        <translation>BG/NBD 模型流失风险 {risk_percent}%（阈值 {threshold_percent}%）</translation>
    </message>
    <message>
        <source>Purchases passed {milestone} in total (now {total})</source>
        <translation>累计购买已超过 {milestone}（现为 {total}）</translation>
    </message>
    <message>
        <source>A follow-up is due today</source>
        <translation>今天有一项跟进到期</translation>
    </message>
    <message>
        <source>Follow-up due on {due}, {days_overdue} days overdue</source>
        <translation>跟进应于 {due} 完成，已逾期 {days_overdue} 天</translation>
    </message>
    <message>
        <source>Complaint deadline {deadline} passed {days_overdue} days ago: escalated</source>
        <translation>投诉处理期限 {deadline} 已过 {days_overdue} 天，已自动升级</translation>
    </message>
    <message>
        <source>Buys every {cycle_days} days; next purchase expected {when} ({next_purchase})</source>
        <translation>购买周期 {cycle_days} 天，预计{when}再次购买（{next_purchase}）</translation>
    </message>
    <message>
        <source>Birthday {when} ({date}), turns {years}</source>
        <translation>{when}生日（{date}），满 {years} 岁</translation>
    </message>
    <message>
        <source>Lunar birthday {lunar} {when} ({date})</source>
        <translation>农历生日 {lunar}，{when}（{date}）</translation>
    </message>
    <message>
        <source>Anniversary {when} ({date}), {years} years</source>
        <translation>{when}纪念日（{date}），{years} 周年</translation>
    </message>
    <message>
        <source>{years} years since the first order, {when} ({date})</source>
        <translation>{when}合作满 {years} 周年（{date}）</translation>
    </message>
    <message>
        <source>Last verified {last_verified}, {days} days ago</source>
        <translation>最近核实 {last_verified}，已 {days} 天</translation>
    </message>
    <message>
        <source>Missing: {missing}</source>
        <translation>缺少：{missing}</translation>
    </message>
    <message>
        <source>{title}: {deal_amount} at stage {stage_text}, at or above {large_deal}</source>
        <translation>{title}：{deal_amount}，处于“{stage_text}”阶段，达到大额标准 {large_deal}</translation>
    </message>
    <message>
        <source>{title}: at stage {stage_text} for {days} days since {since} (more than {stuck_days})</source>
        <translation>{title}：自 {since} 起停留在“{stage_text}”阶段 {days} 天（超过 {stuck_days} 天）</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>从未核实</translation>
    </message>
    <message>
        <source>Day {days_since} after the purchase of {last_purchase}: ask how it went</source>
        <translation>{last_purchase} 购买后第 {days_since} 天：了解使用体验</translation>
    </message>
    <message>
        <source>Day {days_since} after the purchase of {last_purchase}: build the habit</source>
        <translation>{last_purchase} 购买后第 {days_since} 天：培养使用习惯</translation>
    </message>
    <message>
        <source>Day {days_since} after the purchase of {last_purchase}: invite a repurchase</source>
        <translation>{last_purchase} 购买后第 {days_since} 天：邀请再次购买</translation>
    </message>
    <message>
        <source>Day {days_since} after the purchase of {last_purchase}</source>
        <translation>{last_purchase} 购买后第 {days_since} 天</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} 天后</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Collect payment; hold credit sales</source>
        <translation>催收欠款，暂停赊销</translation>
    </message>
    <message>
        <source>Review the plan with the customer</source>
        <translation>与客户沟通销售计划</translation>
    </message>
    <message>
        <source>Call to win the customer back</source>
        <translation>回访挽留</translation>
    </message>
    <message>
        <source>Offer a reward or personal service</source>
        <translation>给予奖励或专属服务</translation>
    </message>
    <message>
        <source>Make the call</source>
        <translation>及时回访</translation>
    </message>
    <message>
        <source>Escalate to the manager</source>
        <translation>升级至主管处理</translation>
    </message>
    <message>
        <source>Remind before the next purchase</source>
        <translation>复购前提醒</translation>
    </message>
    <message>
        <source>Send greetings</source>
        <translation>送上祝福</translation>
    </message>
    <message>
        <source>Get in touch</source>
        <translation>联系客户</translation>
    </message>
    <message>
        <source>Verify the details with the customer</source>
        <translation>与客户核实资料</translation>
    </message>
    <message>
        <source>Complete the record</source>
        <translation>补全资料</translation>
    </message>
    <message>
        <source>Give it priority; the manager follows it</source>
        <translation>优先跟进，由主管关注</translation>
    </message>
    <message>
        <source>Agree the next step with the customer</source>
        <translation>与客户约定下一步</translation>
    </message>
</context>
<context>
    <name>pipeline</name>
    <message>
        <source>Initial contact</source>
        <translation>初步接洽</translation>
    </message>
    <message>
        <source>Needs confirmed</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>Proposal and quote</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在谈</translation>
    </message>
    <message>
        <source>At least one open stage is needed.</source>
        <translation>至少需要一个在谈阶段。</translation>
    </message>
    <message>
        <source>There must be exactly one won and one lost stage.</source>
        <translation>必须有且只有一个赢单阶段和一个输单阶段。</translation>
    </message>
    <message>
        <source>The open stages come first, then won and lost.</source>
        <translation>在谈阶段在前，赢单和输单在后。</translation>
    </message>
    <message>
        <source>Two stages have the same key.</source>
        <translation>有两个阶段的标识相同。</translation>
    </message>
    <message>
        <source>A stage key is not usable.</source>
        <translation>有阶段的标识不可用。</translation>
    </message>
    <message>
        <source>Probabilities run from 0 to 100%; won is 100% and lost 0%.</source>
        <translation>概率为 0 到 100%；赢单为 100%，输单为 0%。</translation>
    </message>
    <message>
        <source>Every stage you add needs a name.</source>
        <translation>新增的阶段都需要名称。</translation>
    </message>
    <message>
        <source>At most 12 stages.</source>
        <translation>最多 12 个阶段。</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>现实客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>市场调查</translation>
    </message>
    <message>
        <source>Marketing event</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Service process</source>
        <translation>服务过程</translation>
    </message>
    <message>
        <source>Store or terminal</source>
        <translation>门店/终端</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>呼叫中心</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Business registry</source>
        <translation>工商登记</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Consultancy</source>
        <translation>咨询公司</translation>
    </message>
    <message>
        <source>Purchased list</source>
        <translation>购买/租用名单</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Customer referral</source>
        <translation>老客户介绍</translation>
    </message>
    <message>
        <source>Trade association</source>
        <translation>行业协会</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>丧偶</translation>
    </message>
    <message>
        <source>Monthly settlement</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现结</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>到付</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>采购负责人</translation>
    </message>
    <message>
        <source>Technical decision-maker</source>
        <translation>技术决策者</translation>
    </message>
    <message>
        <source>User department</source>
        <translation>使用部门</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Other role</source>
        <translation>其他角色</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Career</source>
        <translation>事业</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>生活</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格特点</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>人际关系</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>个性</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>人际</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Too long (at most {max} characters).</source>
        <translation>太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <source>Not a valid Chinese mobile number.</source>
        <translation>不是有效的手机号码。</translation>
    </message>
    <message>
        <source>Not a valid Chinese phone number.</source>
        <translation>不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>Not a valid 18-digit resident ID number (check digit or date is wrong).</source>
        <translation>不是有效的 18 位身份证号码（校验位或出生日期有误）。</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code (18 characters, check character).</source>
        <translation>不是有效的统一社会信用代码（18 位，校验位有误）。</translation>
    </message>
    <message>
        <source>Not a valid date (for example 2024-01-05).</source>
        <translation>不是有效的日期（例如 2024-01-05）。</translation>
    </message>
    <message>
        <source>Not a valid amount (for example 1,234.50).</source>
        <translation>不是有效的金额（例如 1,234.50）。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额太大。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Not a valid whole number.</source>
        <translation>不是有效的整数。</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>不是可选的值。</translation>
    </message>
    <message>
        <source>Does not apply to this kind of customer.</source>
        <translation>不适用于此类客户。</translation>
    </message>
    <message>
        <source>Not a valid value.</source>
        <translation>不是有效的值。</translation>
    </message>
    <message>
        <source>Customer code {code} is already in use.</source>
        <translation>客户编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>More than {days} days in the future.</source>
        <translation>日期超出今天之后 {days} 天。</translation>
    </message>
    <message>
        <source>More than the customer owes ({owed}); record it as a prepayment if that is meant.</source>
        <translation>超过客户欠款（{owed}）；如确为预付款，请按预付款登记。</translation>
    </message>
    <message>
        <source>Must be from {min} to {max}.</source>
        <translation>必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Not a valid time (for example 09:30).</source>
        <translation>时间无效（例如 09:30）。</translation>
    </message>
    <message>
        <source>Not a lunar month and day (for example 八月十五, 闰四月初八 or 8-15).</source>
        <translation>不是有效的农历月日（例如 八月十五、闰四月初八 或 8-15）。</translation>
    </message>
    <message>
        <source>The percentages must not fall from A to B to C (A ≤ B ≤ C).</source>
        <translation>百分比须满足 A ≤ B ≤ C。</translation>
    </message>
    <message>
        <source>The spreadsheet stored this as a number and lost digits; format the column as text and type it again.</source>
        <translation>表格把它存成了数字，位数已丢失；请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
        <source>A formula that was never calculated; open the file in Excel or WPS and save it again.</source>
        <translation>公式没有计算结果；请在 Excel 或 WPS 中打开并重新保存。</translation>
    </message>
    <message>
        <source>Not a valid weight in kilograms (for example 12.5).</source>
        <translation>不是有效的重量（公斤，例如 12.5）。</translation>
    </message>
    <message>
        <source>No customer with this code or name.</source>
        <translation>找不到该编号或名称的客户。</translation>
    </message>
    <message>
        <source>Matches several customers ({codes}); add a customer code column.</source>
        <translation>与多位客户匹配（{codes}），请加上客户编号列。</translation>
    </message>
    <message>
        <source>The same customer as row {row}, with a different value.</source>
        <translation>与第 {row} 行是同一客户，但值不同。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>这不是一个文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): it is damaged or not a crmdesk file.</source>
        <translation>文件为空（0 字节）：数据文件已损坏或不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This is not a crmdesk file (it may be a spreadsheet or another program&apos;s file).</source>
        <translation>这不是 crmdesk 文件（可能是表格或其他程序的文件）。</translation>
    </message>
    <message>
        <source>The data file is damaged or not a crmdesk file.</source>
        <translation>数据文件已损坏或不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This is a database of another program, not a crmdesk file.</source>
        <translation>这是其他程序的数据库，不是 crmdesk 文件。</translation>
    </message>
    <message>
        <source>This file was written by a newer crmdesk ({version}). Please upgrade crmdesk.</source>
        <translation>此文件由更新版本的 crmdesk（{version}）写入，请升级 crmdesk。</translation>
    </message>
    <message>
        <source>The file already exists; crmdesk will not overwrite it.</source>
        <translation>文件已存在，crmdesk 不会覆盖它。</translation>
    </message>
    <message>
        <source>The file is encrypted: it needs its password.</source>
        <translation>文件已加密，需要输入密码。</translation>
    </message>
    <message>
        <source>Wrong password. The file was not touched.</source>
        <translation>密码错误。文件未被改动。</translation>
    </message>
    <message>
        <source>Wrong password or damaged file. Try the recovery key; if the file is damaged, restore a backup.</source>
        <translation>密码错误或文件损坏。请尝试恢复密钥；如果文件已损坏，请从备份恢复。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed.</source>
        <translation>磁盘已满，未做任何更改。</translation>
    </message>
    <message>
        <source>The file is busy in another program. Nothing was changed; try again.</source>
        <translation>文件正被其他程序使用，未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>The file is open read-only. Nothing was changed.</source>
        <translation>文件以只读方式打开，未做任何更改。</translation>
    </message>
    <message>
        <source>Someone else changed this customer meanwhile. Nothing was changed; reload it.</source>
        <translation>该客户已被他人修改，未做任何更改，请重新载入。</translation>
    </message>
    <message>
        <source>Saving failed. Nothing was changed. ({detail})</source>
        <translation>保存失败，未做任何更改。（{detail}）</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>Bank acceptance bill</source>
        <translation>承兑汇票</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>登门拜访</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Online, other</source>
        <translation>网络（其他）</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>A · VIP</source>
        <translation>A · VIP客户</translation>
    </message>
    <message>
        <source>B · Major</source>
        <translation>B · 主要客户</translation>
    </message>
    <message>
        <source>C · Ordinary</source>
        <translation>C · 普通客户</translation>
    </message>
    <message>
        <source>D · Small</source>
        <translation>D · 小客户</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>高净值</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Lost buyer</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Growing</source>
        <translation>成长型</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力型</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Ordinary buyer</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online (WeChat, QQ, e-mail)</source>
        <translation>网络（微信、QQ、邮件）</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <source>Good faith</source>
        <translation>善意投诉</translation>
    </message>
    <message>
        <source>Malicious</source>
        <translation>恶意投诉</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>回应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Other category</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次回应</translation>
    </message>
    <message>
        <source>Cause found</source>
        <translation>查明原因</translation>
    </message>
    <message>
        <source>Action promised</source>
        <translation>承诺措施</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进回访</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Same credit code</source>
        <translation>统一社会信用代码相同</translation>
    </message>
    <message>
        <source>Same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>Same name in pinyin</source>
        <translation>名称拼音相同</translation>
    </message>
    <message>
        <source>Text messages (SMS)</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Direct mail</source>
        <translation>直邮</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>线下活动</translation>
    </message>
    <message>
        <source>Trade fair or exhibition</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Other campaign channel</source>
        <translation>其他活动渠道</translation>
    </message>
    <message>
        <source>Churn alert</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Decided by hand</source>
        <translation>人工判定</translation>
    </message>
    <message>
        <source>A customer cannot have referred itself.</source>
        <translation>客户不能介绍自己。</translation>
    </message>
    <message>
        <source>{name} ({code}) was referred by this customer, directly or through others: referrals cannot go round in a circle.</source>
        <translation>{name}（{code}）是由此客户直接或间接介绍的：转介绍不能形成循环。</translation>
    </message>
    <message>
        <source>That customer is no longer in the file (or is in the recycle bin).</source>
        <translation>该客户已不在文件中（或在回收站里）。</translation>
    </message>
    <message>
        <source>Same industry</source>
        <translation>同行业</translation>
    </message>
    <message>
        <source>Same region</source>
        <translation>同地区</translation>
    </message>
    <message>
        <source>Same tier</source>
        <translation>同等级</translation>
    </message>
    <message>
        <source>Bought together</source>
        <translation>一起购买</translation>
    </message>
    <message>
        <source>Dedicated staff, regular visits, preferential terms, complaints first</source>
        <translation>专人负责、定期拜访、优惠政策、投诉优先处理</translation>
    </message>
    <message>
        <source>Stronger service, build loyalty</source>
        <translation>加强服务，培养忠诚度</translation>
    </message>
    <message>
        <source>Keep in touch, cultivate actively</source>
        <translation>保持联系，积极培养</translation>
    </message>
    <message>
        <source>Basic service</source>
        <translation>基本服务</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责业务员</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>最近核实</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Lunar {month}/{day}</source>
        <translation>{zh}</translation>
    </message>
    <message>
        <source>Lunar leap {month}/{day}</source>
        <translation>{zh}</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>消费偏好</translation>
    </message>
    <message>
        <source>Usual products</source>
        <translation>常购产品</translation>
    </message>
    <message>
        <source>Typical spend</source>
        <translation>一般消费额</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Career notes</source>
        <translation>事业情况备注</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子女情况</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <source>Habits</source>
        <translation>生活习惯</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在区域</translation>
    </message>
    <message>
        <source>Main products</source>
        <translation>主营产品</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年营业额</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Payment day</source>
        <translation>结算日</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>授信额度</translation>
    </message>
    <message>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品/服务</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Waybill no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起运地</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>重量（公斤）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
</context>
</TS>
