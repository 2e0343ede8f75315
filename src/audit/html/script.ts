/**
 * The small inline script of the HTML audit report: sortable table columns
 * and the filter bars (text and severity) over the findings and dependency
 * tables. It reads only the page (no report data is embedded in it), so the
 * page's Content-Security-Policy can allow exactly this script by its hash.
 * Without JavaScript every row stays visible and the filter bars stay hidden.
 */
export const SCRIPT = `(function(){"use strict";
function key(row,col,num){var c=row.cells[col];if(!c)return num?0:"";var v=c.hasAttribute("data-sort")?c.getAttribute("data-sort"):c.textContent;return num?Number(v):String(v).toLowerCase();}
document.querySelectorAll("table.sortable").forEach(function(t){
var ths=Array.prototype.slice.call(t.tHead.rows[0].cells);
ths.forEach(function(th,col){
var b=document.createElement("button");b.type="button";b.className="sort";b.textContent=th.textContent;th.textContent="";th.appendChild(b);
b.addEventListener("click",function(){
var dir=th.getAttribute("aria-sort")==="ascending"?"descending":"ascending";
ths.forEach(function(o){o.removeAttribute("aria-sort");});th.setAttribute("aria-sort",dir);
var num=th.getAttribute("data-type")==="num",sign=dir==="ascending"?1:-1,body=t.tBodies[0];
var rows=Array.prototype.map.call(body.rows,function(r,i){return[r,key(r,col,num),i];});
rows.sort(function(a,b){return a[1]<b[1]?-sign:a[1]>b[1]?sign:a[2]-b[2];});
rows.forEach(function(r){body.appendChild(r[0]);});});});});
document.querySelectorAll(".controls[data-target]").forEach(function(box){
var q=box.querySelector("input[type=search]"),sevs=box.querySelectorAll("input[data-severity]"),count=box.querySelector(".count");
function apply(){
var text=q?q.value.trim().toLowerCase():"",on={},shown=0,total=0;
sevs.forEach(function(s){if(s.checked)on[s.getAttribute("data-severity")]=true;});
document.querySelectorAll(box.getAttribute("data-target")).forEach(function(t){
Array.prototype.forEach.call(t.tBodies[0].rows,function(r){total++;
var ok=(text===""||r.textContent.toLowerCase().indexOf(text)>=0)&&(sevs.length===0||on[r.getAttribute("data-severity")]===true);
r.hidden=!ok;if(ok)shown++;});});
if(count)count.textContent=shown+" of "+total+" shown";}
if(q)q.addEventListener("input",apply);sevs.forEach(function(s){s.addEventListener("change",apply);});
box.hidden=false;apply();});
document.documentElement.setAttribute("data-ready","1");
})();`;
